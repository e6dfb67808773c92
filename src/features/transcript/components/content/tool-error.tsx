import { JsonView } from './json-view';
import { LongText } from './long-text';
import { FieldLabel } from './tool-payload';

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

const MCP_ERROR_KINDS: Record<string, string> = {
  mcp_protocol_error: 'MCP protocol error',
  mcp_tool_execution_error: 'Tool execution error',
  http_error: 'HTTP error',
};

const BOX = 'space-y-1.5 rounded-lg border border-rose-300 bg-rose-50 p-2 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/30 dark:text-rose-100';

/** An MCP call's error: the current API's object ({type, code?, message?, content?}) or an older plain string. */
export function McpError({ error }: { error: unknown }) {
  const text = str(error);
  const details = record(error);
  if (!text && !details) return null;
  const kind = details ? (Object.hasOwn(MCP_ERROR_KINDS, String(details.type)) ? MCP_ERROR_KINDS[String(details.type)] : str(details.type)) : null;
  const code = details && (typeof details.code === 'number' || typeof details.code === 'string') ? String(details.code) : null;
  const message = text ?? str(details?.message);
  return (
    <section aria-label="Error" className={BOX}>
      <p className="font-semibold">
        {kind ?? 'Error'}
        {code ? <span className="ml-1.5 font-mono text-xs">{code}</span> : null}
      </p>
      {message ? <LongText variant="code" text={message} label="Error message" /> : null}
      {details?.content !== undefined && details.content !== null ? (
        <div>
          <FieldLabel>Content</FieldLabel>
          <JsonView value={details.content} openDepth={2} label="Error content" />
        </div>
      ) : null}
    </section>
  );
}

/** Why an image generation failed: its error and, for a moderation block, the stage and categories. */
export function ImageGenerationError({ error }: { error: unknown }) {
  const details = record(error);
  const text = str(error);
  if (!details && !text) return null;
  const moderation = record(details?.moderation_details);
  const categories = Array.isArray(moderation?.categories) ? moderation.categories.filter((value): value is string => typeof value === 'string') : [];
  return (
    <section aria-label="Error" className={BOX}>
      <p className="font-semibold">
        {str(details?.code) === 'moderation_blocked' ? 'Blocked by moderation' : 'Image generation failed'}
        {str(details?.code) ? <span className="ml-1.5 font-mono text-xs">{details?.code as string}</span> : null}
      </p>
      {text ?? str(details?.message) ? <p>{text ?? (details?.message as string)}</p> : null}
      {moderation ? (
        <p className="text-xs">
          {str(moderation.moderation_stage) ? <>Stage: {moderation.moderation_stage as string}. </> : null}
          {categories.length > 0 ? <>Categories: {categories.join(', ')}.</> : null}
        </p>
      ) : null}
    </section>
  );
}
