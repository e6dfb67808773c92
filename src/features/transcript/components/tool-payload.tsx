import { parseJsonText, toPrettyJson } from '../lib/json-text';
import { JsonBlock } from './json-block';

interface ToolPayloadProps {
  label: string;
  value: unknown;
}

/** Arguments or output of a tool call: pretty JSON when it parses, raw text (flagged) when it does not. */
export function ToolPayload({ label, value }: ToolPayloadProps) {
  const text = typeof value === 'string' ? value : toPrettyJson(value);
  const parsed = typeof value === 'string' ? parseJsonText(value) : ({ valid: true, pretty: text } as const);
  return (
    <section>
      <h3 className="mb-1 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {label}
        {!parsed.valid && label === 'Arguments' && text.trim() !== '' ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 normal-case tracking-normal text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            not valid JSON
          </span>
        ) : null}
      </h3>
      <JsonBlock text={parsed.valid ? parsed.pretty : parsed.raw} label={label} />
    </section>
  );
}
