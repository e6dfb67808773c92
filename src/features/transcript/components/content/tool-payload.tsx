import { useMemo } from 'react';
import { parseJsonBox } from '../../lib/json-text';
import { JsonView } from './json-view';
import { LongText } from './long-text';
import { MessageContent } from './message-content';

interface ToolPayloadProps {
  label: string;
  value: unknown;
  /** Flag text that should be JSON but is not (tool arguments). */
  expectJson?: boolean;
  /** Off where a heading around it already names it; the label still names it for screen readers. */
  showLabel?: boolean;
}

const LABEL = 'mb-1 flex items-center gap-2 text-xs font-semibold tracking-wide text-zinc-600 dark:text-zinc-400 uppercase dark:text-zinc-400';

/** Arguments, input or output of a tool: pretty JSON when it parses, raw text (flagged when JSON was expected) when not. */
export function ToolPayload({ label, value, expectJson = false, showLabel = true }: ToolPayloadProps) {
  const heading = showLabel ? <h3 className={LABEL}>{label}</h3> : null;
  if (Array.isArray(value) && value.every((part) => part && typeof part === 'object' && 'type' in part)) {
    return (
      <section aria-label={label}>
        {heading}
        <MessageContent content={value} mode="plain" />
      </section>
    );
  }
  if (typeof value !== 'string') {
    return (
      <section aria-label={label}>
        {heading}
        {value === undefined || value === null ? <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">none</p> : <JsonView value={value} />}
      </section>
    );
  }
  return <JsonTextPayload label={label} value={value} expectJson={expectJson} showLabel={showLabel} />;
}

/** A payload given as text: read as JSON once for each text, not at every render of its row. */
function JsonTextPayload({ label, value, expectJson, showLabel }: Required<ToolPayloadProps> & { value: string }) {
  const parsed = useMemo(() => parseJsonBox(value), [value]);
  return (
    <section>
      <h3 className={showLabel ? LABEL : 'sr-only'}>
        {label}
        {expectJson && !parsed.valid && value.trim() !== '' ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 tracking-normal text-amber-900 normal-case dark:bg-amber-900/60 dark:text-amber-100">
            not valid JSON
          </span>
        ) : null}
      </h3>
      {parsed.valid ? <JsonView value={parsed.value} label={label} keysSearched /> : <LongText text={parsed.raw} variant="code" label={label} filename={`${label.toLowerCase()}.txt`} />}
    </section>
  );
}

export function FieldLabel({ children }: { children: string }) {
  return <h3 className={LABEL}>{children}</h3>;
}
