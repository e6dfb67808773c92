import type { SnapshotDetail } from '../api/snapshots';
import { InlineId } from '../../../components/shortened-id';
import { manifestSummary, originalRunText } from '../../../shared/snapshots/manifest-text';
import { formatCount, formatLocalTime, plural } from '../../../shared/format';

const date = (iso: string) => formatLocalTime(new Date(iso));

/** Where a snapshot came from, when it was taken, what it holds, what its author left out or replaced, and when it goes. */
export function SnapshotBanner({ snapshot }: { snapshot: SnapshotDetail }) {
  // A public snapshot's anonymous readers are not told where it came from.
  const source = snapshot.source_label ?? snapshot.source;
  const from =
    snapshot.origin === 'file' ? (
      'from a file, not read from a source'
    ) : (
      <>
        of {snapshot.conversation_id ? <InlineId id={snapshot.conversation_id} className="font-mono" /> : 'a conversation'}
        {source ? ` from ${source}` : ''}
      </>
    );
  const manifest = snapshot.manifest;
  const changes = manifest ? manifestSummary(manifest) : null;
  return (
    <section aria-label="Snapshot" className="rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100">
      <p className="font-semibold">{snapshot.title || 'Snapshot'}</p>
      <p className="mt-1">
        A snapshot {from}, taken {date(snapshot.created_at)}. It holds{' '}
        {/* Of the run's items, when some went: tool outputs that were items of their own are among them, which the
            categories below count with the outputs inside calls. */}
        {manifest && manifest.original.items > snapshot.item_count ? `${formatCount(snapshot.item_count)} of the run’s ${plural(manifest.original.items, 'item')}` : plural(snapshot.item_count, 'item')}
        {manifest ? '' : `; ${snapshot.excluded_count ? `${formatCount(snapshot.excluded_count)} ${snapshot.excluded_count === 1 ? 'was' : 'were'} left out` : 'nothing was left out'}`}.{' '}
        {snapshot.expires_at ? `It expires ${date(snapshot.expires_at)}.` : 'It does not expire.'}
      </p>
      {manifest ? (
        <p className="mt-1" data-testid="snapshot-manifest">
          {changes ? `${changes}.` : 'Nothing was left out or replaced.'} {originalRunText(manifest)}
        </p>
      ) : null}
    </section>
  );
}
