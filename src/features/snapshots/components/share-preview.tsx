import type { SnapshotPreview } from '../api/snapshot-preview';
import { leftOutText, REPLACED_NAMES, replacedText } from '../../../shared/snapshots/manifest-text';
import { formatCount, plural } from '../../../shared/format';

interface SharePreviewProps {
  preview: SnapshotPreview | undefined;
  checking: boolean;
  error: string | null;
  /** Why the preview is being asked for again (a rate limit's wait), while it is. */
  retrying?: string | null;
}

/** What the snapshot would hold with the boxes ticked now, worked out as they change; announced politely. */
export function SharePreview({ preview, checking, error, retrying = null }: SharePreviewProps) {
  const left = preview ? leftOutText(preview.manifest) : null;
  const replaced = preview ? replacedText(preview.manifest) : null;
  return (
    <section aria-label="Preview" aria-live="polite" aria-busy={checking} className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-800/60">
      <p className="flex items-center justify-between gap-2 font-medium">
        Preview
        {checking ? <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">Checking…</span> : null}
      </p>
      {error ? (
        <p className="mt-1 text-rose-800 dark:text-rose-300">{error}</p>
      ) : retrying ? (
        // Instead of the last preview too, which is of the boxes as they were.
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">{retrying} Trying again…</p>
      ) : preview ? (
        <div className="mt-1 space-y-1" data-testid="share-preview">
          <p>
            Holds {formatCount(preview.item_count)} of {plural(preview.manifest.original.items, 'item')}.
          </p>
          <p>Left out: {left ?? 'nothing'}.</p>
          <p>Replaced: {replaced ?? 'nothing'}.</p>
          {preview.samples.length ? (
            <ul className="mt-1 space-y-0.5 font-mono text-xs">
              {preview.samples.map((sample) => (
                <li key={sample.pseudonym} className="flex min-w-0 gap-1">
                  <span className="min-w-0 truncate" title={`${REPLACED_NAMES[sample.kind][0]}: ${sample.value}`}>
                    {sample.value}
                  </span>
                  <span aria-hidden="true">→</span>
                  <span className="shrink-0 font-semibold">{sample.pseudonym}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">Reading the conversation…</p>
      )}
    </section>
  );
}
