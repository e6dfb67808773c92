import { readCitations } from '../../lib/citations';
import { displayText } from '../../../../shared/items/display-text';
import { FilePlaceholder } from './file-placeholder';
import { JsonView } from './json-view';
import { RichText, type TextMode } from './rich-text';
import { SafeImage } from './safe-image';
import { LeftOutNote, useLeftOut } from '../../lib/left-out';

const TEXT_PARTS = new Set(['input_text', 'output_text', 'text', 'summary_text', 'reasoning_text']);

type Part = Record<string, unknown>;

function ImagePart({ part }: { part: Part }) {
  const detail = typeof part.detail === 'string' ? part.detail : null;
  const leftOut = useLeftOut('images');
  return (
    <figure className="space-y-1">
      {typeof part.image_url === 'string' && part.image_url ? (
        <SafeImage src={part.image_url} alt={part.type === 'computer_screenshot' ? 'Screenshot' : 'Image from the conversation'} />
      ) : leftOut ? (
        <LeftOutNote what="Image" />
      ) : (
        <FilePlaceholder kind="image" fileId={part.file_id} />
      )}
      {detail ? <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">detail: {detail}</figcaption> : null}
    </figure>
  );
}

function PartView({ part, mode }: { part: unknown; mode: TextMode }) {
  if (typeof part === 'string') return <RichText text={part} mode={mode} />;
  const record = (part && typeof part === 'object' ? part : {}) as Part;
  const type = typeof record.type === 'string' ? record.type : 'unknown';
  if (TEXT_PARTS.has(type) && typeof record.text === 'string') {
    return (
      <div data-part-type={type}>
        <RichText text={record.text} mode={mode} citations={type === 'output_text' ? readCitations(record.text, record.annotations) : []} />
      </div>
    );
  }
  switch (type) {
    case 'refusal':
      return (
        <div data-part-type="refusal" className="rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100">
          <span className="mr-1.5 text-xs font-semibold tracking-wide uppercase">Refusal</span>
          <span className="whitespace-pre-wrap break-words">{displayText(record.refusal)}</span>
        </div>
      );
    case 'input_image':
    case 'computer_screenshot':
      return (
        <div data-part-type={type}>
          <ImagePart part={record} />
        </div>
      );
    case 'input_file':
      return (
        <div data-part-type={type}>
          <FilePlaceholder kind="file" fileId={record.file_id} filename={record.filename} fileUrl={record.file_url} inlineData={record.file_data} />
        </div>
      );
  }
  return (
    <div data-part-type={type.slice(0, 60)} data-fallback="">
      <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Content part: {type.slice(0, 60)}</p>
      <JsonView value={part} />
    </div>
  );
}

/** A message's content: a plain string or a list of parts (both are documented). */
export function MessageContent({ content, mode }: { content: unknown; mode: TextMode }) {
  if (typeof content === 'string') return <RichText text={content} mode={mode} />;
  if (!Array.isArray(content)) {
    return content === undefined || content === null ? <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No content</p> : <JsonView value={content} />;
  }
  if (content.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No content</p>;
  return (
    <div className="space-y-3 leading-relaxed">
      {content.map((part, index) => (
        <PartView key={index} part={part} mode={mode} />
      ))}
    </div>
  );
}
