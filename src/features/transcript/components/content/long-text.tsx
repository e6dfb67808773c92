import { useState } from 'react';
import { downloadText } from '../../lib/download-text';

/** Past this many characters a text is collapsed behind Show more. */
const COLLAPSE_AT = 4_000;
const COLLAPSE_LINES = 40;
/** Past this many characters a text also offers a download. */
const DOWNLOAD_AT = 100_000;

interface LongTextProps {
  text: string;
  /** `code` keeps the text in a scrollable monospace block. */
  variant?: 'prose' | 'code';
  label?: string;
  filename?: string;
}

function collapsedLength(text: string): number | null {
  let lines = 0;
  for (let index = 0; index < Math.min(text.length, COLLAPSE_AT); index += 1) {
    if (text.charCodeAt(index) === 10 && ++lines >= COLLAPSE_LINES) return index;
  }
  return text.length > COLLAPSE_AT ? COLLAPSE_AT : null;
}

/** Any text from a conversation, kept usable at any size: collapsed when long, downloadable when very long. */
export function LongText({ text, variant = 'prose', label, filename = 'text.txt' }: LongTextProps) {
  const [expanded, setExpanded] = useState(false);
  const cut = collapsedLength(text);
  const shown = expanded || cut === null ? text : text.slice(0, cut);
  const className =
    variant === 'code'
      ? 'max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-lg bg-zinc-100 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200'
      : 'whitespace-pre-wrap break-words [overflow-wrap:anywhere]';
  return (
    <div>
      {variant === 'code' ? (
        <pre aria-label={label} className={className}>
          {shown}
          {cut !== null && !expanded ? '…' : null}
        </pre>
      ) : (
        <p aria-label={label} className={className}>
          {shown}
          {cut !== null && !expanded ? '…' : null}
        </p>
      )}
      {cut !== null ? (
        <div className="mt-1.5 flex flex-wrap items-center gap-2 text-xs">
          <button
            type="button"
            onClick={() => setExpanded((value) => !value)}
            className="rounded-md border border-zinc-300 px-2 py-0.5 font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {expanded ? 'Show less' : `Show more (${text.length.toLocaleString('en')} characters)`}
          </button>
          {text.length > DOWNLOAD_AT ? (
            <button
              type="button"
              onClick={() => downloadText(text, filename)}
              className="rounded-md border border-zinc-300 px-2 py-0.5 font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Download
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
