import { toPrettyJson } from '../lib/json-text';
import { JsonBlock } from './json-block';

const TEXT_PARTS = new Set(['input_text', 'output_text', 'text', 'summary_text', 'reasoning_text']);

interface Part {
  type?: unknown;
  text?: unknown;
  refusal?: unknown;
}

function PartView({ part }: { part: unknown }) {
  if (typeof part === 'string') return <p className="whitespace-pre-wrap break-words">{part}</p>;
  const { type, text, refusal } = (part ?? {}) as Part;
  if (typeof type === 'string' && TEXT_PARTS.has(type) && typeof text === 'string') {
    return (
      <p data-part-type={type} className="whitespace-pre-wrap break-words">
        {text}
      </p>
    );
  }
  if (type === 'refusal') {
    return (
      <div
        data-part-type="refusal"
        className="rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100"
      >
        <span className="mr-1 text-xs font-semibold uppercase tracking-wide">Refusal</span>
        <span className="whitespace-pre-wrap break-words">{typeof refusal === 'string' ? refusal : toPrettyJson(refusal)}</span>
      </div>
    );
  }
  return (
    <div data-part-type={typeof type === 'string' ? type : 'unknown'} data-fallback="">
      <p className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {typeof type === 'string' ? type.slice(0, 60) : 'content part'}
      </p>
      <JsonBlock text={toPrettyJson(part)} />
    </div>
  );
}

/** A message's content: a plain string or a list of parts (both are documented). */
export function MessageContent({ content }: { content: unknown }) {
  if (typeof content === 'string') return <p className="whitespace-pre-wrap break-words">{content}</p>;
  if (!Array.isArray(content)) {
    return content === undefined || content === null ? (
      <p className="text-sm italic text-zinc-500">No content</p>
    ) : (
      <JsonBlock text={toPrettyJson(content)} />
    );
  }
  if (content.length === 0) return <p className="text-sm italic text-zinc-500">No content</p>;
  return (
    <div className="space-y-2 leading-relaxed">
      {content.map((part, index) => (
        <PartView key={index} part={part} />
      ))}
    </div>
  );
}
