import { Icon } from '../../../../components/icons';
import { safeLinkHref } from '../../../../shared/markdown/safe-url';
import { formatCount } from '../../../../shared/format';

interface FilePlaceholderProps {
  kind: 'image' | 'file';
  fileId?: unknown;
  filename?: unknown;
  fileUrl?: unknown;
  inlineData?: unknown;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** A file or image the viewer cannot show, known by ID, name or URL: labelled, never dropped. */
export function FilePlaceholder({ kind, fileId, filename, fileUrl, inlineData }: FilePlaceholderProps) {
  const href = safeLinkHref(fileUrl);
  const data = asText(inlineData);
  return (
    <div data-file-placeholder="" className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <Icon name={kind} className="mt-0.5 size-5 text-zinc-600 dark:text-zinc-400" />
      <div className="min-w-0 space-y-0.5">
        <p className="font-medium break-all">{asText(filename) ?? (kind === 'image' ? 'Image' : 'File')}</p>
        {asText(fileId) ? <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{asText(fileId)}</p> : null}
        {asText(fileUrl) ? (
          href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" className="block text-xs break-all text-indigo-700 underline dark:text-indigo-300">
              {asText(fileUrl)}
            </a>
          ) : (
            <p className="text-xs break-all text-zinc-600 dark:text-zinc-400">{asText(fileUrl)}</p>
          )
        ) : null}
        {data ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Inline data ({formatCount(data.length)} characters)</p> : null}
      </div>
    </div>
  );
}
