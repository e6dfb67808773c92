import { useMemo, type ReactNode } from 'react';
import { foldForSearch } from '../../../../lib/search-fold';
import { markdownPlain } from '../../data/markdown-plain';
import { Icon } from '../../../../components/icons';
import { GENERIC_STYLE, itemStyle, roleStyle } from '../../lib/roles';
import { displayText } from '../../../../shared/items/display-text';
import { revealBidi } from '../../../../shared/markdown/link-spoofing';
import { base64ImageUrl, safeLinkHref } from '../../../../shared/markdown/safe-url';
import { CodeBlock } from '../content/code-block';
import { JsonView } from '../content/json-view';
import { LongText } from '../content/long-text';
import { RichText } from '../content/rich-text';
import { SafeImage } from '../content/safe-image';
import { ImageGenerationError, McpError } from '../content/tool-error';
import { ToolList } from '../content/tool-list';
import { FieldLabel, ToolPayload } from '../content/tool-payload';
import { ItemFrame } from '../item-frame';
import type { ItemViewProps } from '../item-view-props';
import { LeftOutNote, useLeftOut } from '../../lib/left-out';
import { useSearchNeedle } from '../../search/search-query-context';
import { formatCount } from '../../../../shared/format';

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object') : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function texts(value: unknown): string[] {
  return records(value).flatMap((part) => (typeof part.text === 'string' ? [part.text] : []));
}

function Encrypted({ value, what }: { value: unknown; what: string }) {
  if (typeof value !== 'string' || value === '') return null;
  return (
    <p className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <Icon name="lock" className="size-3.5" />
      {what}: encrypted ({formatCount(value.length)} characters)
    </p>
  );
}

/** A section shown folded; it opens while the transcript's search finds something in `searched`, so a match is never hidden. */
function Collapsed({ summary, children, searched = [] }: { summary: string; children: ReactNode; searched?: readonly string[] }) {
  const needle = useSearchNeedle();
  // As the search reads it: as written, and as Markdown shows it.
  const found = useMemo(() => needle !== '' && searched.some((text) => foldForSearch(text).includes(needle) || foldForSearch(markdownPlain(text)).includes(needle)), [needle, searched]);
  return (
    <details open={found || undefined} className="group/details rounded-lg border border-zinc-200 dark:border-zinc-800">
      <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium text-zinc-700 select-none hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/60">{summary}</summary>
      <div className="space-y-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">{children}</div>
    </details>
  );
}

function ExternalLink({ url }: { url: unknown }) {
  const href = safeLinkHref(url);
  const label = typeof url === 'string' ? revealBidi(url) : '';
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break-all text-indigo-700 underline dark:text-indigo-300">
      {label}
    </a>
  ) : (
    <span className="break-all text-zinc-700 dark:text-zinc-300" title="Link removed: unsafe or unsupported URL">{label}</span>
  );
}

export function ReasoningItem({ item, highlighted }: ItemViewProps) {
  const summary = useMemo(() => texts(item.summary), [item.summary]);
  const content = useMemo(() => texts(item.content), [item.content]);
  const leftOut = useLeftOut('reasoning');
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      <div className="space-y-2">
        {summary.length > 0 ? (
          <Collapsed summary={`Reasoning summary (${summary.length} part${summary.length === 1 ? '' : 's'})`} searched={summary}>
            {summary.map((text, index) => (
              <RichText key={index} text={text} mode="markdown" />
            ))}
          </Collapsed>
        ) : leftOut ? (
          <LeftOutNote what="Reasoning" />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No reasoning summary</p>
        )}
        {content.length > 0 ? (
          <Collapsed summary="Reasoning text" searched={content}>
            {content.map((text, index) => (
              <RichText key={index} text={text} mode="plain" />
            ))}
          </Collapsed>
        ) : null}
        <Encrypted value={item.encrypted_content} what="Reasoning content" />
      </div>
    </ItemFrame>
  );
}

export function CompactionItem({ item, highlighted }: ItemViewProps) {
  const leftOut = useLeftOut('encrypted');
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      <p className="mb-1 text-sm text-zinc-700 dark:text-zinc-300">Earlier context was compacted into this item.</p>
      <Encrypted value={item.encrypted_content} what="Compacted context" />
      {leftOut && !item.encrypted_content ? <LeftOutNote what="Encrypted content" /> : null}
    </ItemFrame>
  );
}

export function WebSearchItem({ item, highlighted }: ItemViewProps) {
  const action = (item.action && typeof item.action === 'object' ? item.action : {}) as Record<string, unknown>;
  const queries = [str(action.query), ...(Array.isArray(action.queries) ? action.queries.map(str) : [])].filter((query): query is string => !!query);
  const sources = records(action.sources);
  const leftOut = useLeftOut('tool_outputs');
  return (
    <ItemFrame item={item} style={itemStyle(item)} subtitle={str(action.type)} highlighted={highlighted}>
      <div className="space-y-2 text-sm">
        {action.type === 'open_page' ? (
          <p>
            Opened <ExternalLink url={action.url} />
          </p>
        ) : action.type === 'find' || action.type === 'find_in_page' ? (
          <p>
            Looked for <q className="font-medium">{str(action.pattern) ?? ''}</q> in <ExternalLink url={action.url} />
          </p>
        ) : (
          [...new Set(queries)].map((query) => (
            <p key={query}>
              Searched for <q className="font-medium">{query}</q>
            </p>
          ))
        )}
        {sources.length > 0 ? (
          <div>
            <FieldLabel>Sources</FieldLabel>
            <ol className="list-decimal space-y-0.5 pl-5">
              {sources.map((source, index) => (
                <li key={index}>
                  <ExternalLink url={source.url} />
                </li>
              ))}
            </ol>
          </div>
        ) : leftOut ? (
          <LeftOutNote what="Sources" />
        ) : null}
      </div>
    </ItemFrame>
  );
}

export function FileSearchItem({ item, highlighted }: ItemViewProps) {
  const queries = Array.isArray(item.queries) ? item.queries.map(displayText) : [];
  const results = records(item.results);
  const leftOut = useLeftOut('tool_outputs');
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      <div className="space-y-2 text-sm">
        <ul className="flex flex-wrap gap-1.5" aria-label="Queries">
          {queries.map((query, index) => (
            <li key={index} className="rounded-md bg-zinc-200/70 px-2 py-0.5 dark:bg-zinc-800">
              {query}
            </li>
          ))}
        </ul>
        {results.length > 0 ? (
          <ol className="space-y-2">
            {results.map((result, index) => (
              <li key={index} className="rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
                <p className="flex flex-wrap items-baseline gap-2">
                  <span className="inline-flex items-center gap-1 font-medium break-all">
                    <Icon name="file" className="size-3.5" />
                    {str(result.filename) ?? str(result.file_id) ?? 'file'}
                  </span>
                  {typeof result.score === 'number' ? <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">score {result.score.toFixed(3)}</span> : null}
                </p>
                {str(result.text) ? <LongText text={result.text as string} /> : null}
              </li>
            ))}
          </ol>
        ) : leftOut ? (
          <LeftOutNote what="Results" />
        ) : (
          <p className="text-xs text-zinc-600 dark:text-zinc-400 italic">No results included (OpenAI sends them with include=file_search_call.results).</p>
        )}
      </div>
    </ItemFrame>
  );
}

export function CodeInterpreterItem({ item, highlighted }: ItemViewProps) {
  const outputs = records(item.outputs);
  const leftOut = useLeftOut('tool_outputs');
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      <div className="space-y-2">
        {str(item.container_id) ? <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">Container {str(item.container_id)}</p> : null}
        {str(item.code) ? <CodeBlock code={item.code as string} language="python" label="Code" /> : <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No code</p>}
        {outputs.map((output, index) =>
          output.type === 'image' ? (
            <SafeImage key={index} src={output.url} alt="Code interpreter output" />
          ) : output.type === 'logs' ? (
            <div key={index}>
              <FieldLabel>Logs</FieldLabel>
              <LongText variant="code" text={displayText(output.logs)} label="Logs" />
            </div>
          ) : (
            <JsonView key={index} value={output} />
          ),
        )}
        {leftOut && outputs.length === 0 ? <LeftOutNote what="Output" /> : null}
      </div>
    </ItemFrame>
  );
}

export function ImageGenerationItem({ item, highlighted }: ItemViewProps) {
  const url = base64ImageUrl(item.result);
  const outputsLeftOut = useLeftOut('tool_outputs');
  const imagesLeftOut = useLeftOut('images');
  const leftOut = outputsLeftOut || imagesLeftOut;
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      {url ? (
        <SafeImage src={url} alt={str(item.revised_prompt) ?? 'Generated image'} />
      ) : typeof item.result === 'string' && item.result ? (
        <p className="text-sm text-amber-800 dark:text-amber-200">The result is not a PNG, JPEG, GIF or WebP image ({formatCount(item.result.length)} characters).</p>
      ) : item.error || item.status === 'failed' ? (
        <ImageGenerationError error={item.error ?? 'The image generation call failed; the API gave no reason.'} />
      ) : leftOut ? (
        <LeftOutNote what="Image" />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No image yet.</p>
      )}
      {str(item.revised_prompt) ? <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Prompt: {item.revised_prompt as string}</p> : null}
    </ItemFrame>
  );
}

export function McpListToolsItem({ item, highlighted }: ItemViewProps) {
  return (
    <ItemFrame item={item} style={itemStyle(item)} subtitle={str(item.server_label)} highlighted={highlighted}>
      {str(item.error) ? <p className="mb-2 text-sm text-rose-700 dark:text-rose-300">{item.error as string}</p> : null}
      <ToolList tools={item.tools} />
    </ItemFrame>
  );
}

export function McpCallItem({ item, highlighted }: ItemViewProps) {
  const leftOut = useLeftOut('tool_outputs');
  return (
    <ItemFrame
      item={item}
      style={itemStyle(item)}
      subtitle={<code className="font-mono">{[str(item.server_label), str(item.name)].filter(Boolean).join(' · ')}</code>}
      highlighted={highlighted}
    >
      <div className="space-y-3">
        <ToolPayload label="Arguments" value={item.arguments ?? ''} expectJson />
        <McpError error={item.error} />
        {item.output !== undefined && item.output !== null ? <ToolPayload label="Output" value={item.output} /> : leftOut ? <LeftOutNote what="Output" /> : null}
      </div>
    </ItemFrame>
  );
}

export function AdditionalToolsItem({ item, highlighted }: ItemViewProps) {
  const role = roleStyle(item.role);
  return (
    <ItemFrame item={item} style={itemStyle(item)} subtitle={`from ${role.label.toLowerCase()}`} highlighted={highlighted}>
      <ToolList tools={item.tools} />
    </ItemFrame>
  );
}

/** Any item type without a dedicated view: nothing is dropped, the whole item shows as JSON. */
export function GenericItem({ item, highlighted }: ItemViewProps) {
  return (
    <ItemFrame item={item} style={{ ...GENERIC_STYLE, label: item.type.slice(0, 60) || 'item' }} highlighted={highlighted} fallback>
      <JsonView value={item} label={`${item.type} item as JSON`} />
    </ItemFrame>
  );
}
