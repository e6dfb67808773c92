import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { InlineId } from '../../../components/shortened-id';
import { Link } from 'wouter';
import { snapshotPath } from '../../../lib/navigation';
import { useRef, useState, type KeyboardEvent } from 'react';
import { ApiErrorPanel } from '../../../components/error-panel';
import { announce } from '../../../components/announcer';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ApiError } from '../../../lib/api-error';
import { revokeSnapshot, snapshotListQueryOptions, type SnapshotSummary } from '../api/snapshots';
import { formatCount, formatLocalTime, plural } from '../../../shared/format';
import { manifestSummary } from '../../../shared/snapshots/manifest-text';
import { sourcesQueryOptions } from '../../sources/api/get-sources';

const date = (iso: string) => formatLocalTime(new Date(iso));

const revokeButton =
  'rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40';

/** "Expires 2026-12-13 14:39", "Expired 2026-12-06 17:07" or "Never expires". */
export function expiry(expiresAt: string | null, now = Date.now()): string {
  if (!expiresAt) return 'Never expires';
  return Date.parse(expiresAt) <= now ? `Expired ${date(expiresAt)}` : `Expires ${date(expiresAt)}`;
}

const SNAPSHOTS_HEADING = 'snapshots-heading';

function SnapshotRow({ snapshot }: { snapshot: SnapshotSummary }) {
  const client = useQueryClient();
  const name = snapshot.title || snapshot.conversation_id || snapshot.id;
  // An expired snapshot keeps no title, conversation ID or manifest once the store has purged it (within minutes).
  const [shownAt] = useState(Date.now);
  const expired = snapshot.expires_at !== null && Date.parse(snapshot.expires_at) <= shownAt;
  const [confirming, setConfirming] = useState(false);
  const revokeRef = useRef<HTMLButtonElement>(null);
  // Kept: the confirmation goes, the focus back to the Revoke button it came from.
  const keep = () => {
    setConfirming(false);
    requestAnimationFrame(() => revokeRef.current?.focus());
  };
  // Esc on either of the confirmation's buttons keeps it too.
  const escapeKeeps = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !revoke.isPending) keep();
  };
  const revoke = useMutation({
    // Revoked meanwhile (from another tab, by a colleague): what was asked for is done, and the row goes all the same.
    mutationFn: () =>
      revokeSnapshot(snapshot.id).then(
        () => 'revoked' as const,
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'snapshot_revoked') return 'already' as const;
          throw error;
        },
      ),
    onSuccess: (done) => {
      // The row and its buttons go: the focus goes to the list's heading, and the reader is told what happened.
      document.getElementById(SNAPSHOTS_HEADING)?.focus();
      announce(done === 'already' ? `${name} was already revoked.` : `Revoked ${name}.`, { visible: true });
      void client.invalidateQueries({ queryKey: ['snapshots'] });
    },
  });
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid="snapshot-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={snapshotPath(snapshot.id)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {name}
          </Link>
          {/* A conversation ID has no place to break: on a phone it takes a line of its own, shortened in its middle if it must be. */}
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {expired ? 'Its content is deleted from the store once it has expired' : snapshot.origin === 'file' ? 'From a file' : <><InlineId id={snapshot.conversation_id ?? ''} /> · {snapshot.source_label ?? snapshot.source}</>} · {plural(snapshot.item_count, 'item')}
            {snapshot.excluded_count ? ` (${formatCount(snapshot.excluded_count)} left out)` : ''}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Created {date(snapshot.created_at)} · {expiry(snapshot.expires_at)}
          </p>
          {/* Two snapshots of one run differ by what they left out, and by their links. */}
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {expired ? '' : `${(snapshot.manifest && manifestSummary(snapshot.manifest)) ?? 'Nothing left out or replaced'} · `}
            <span className="font-mono text-xs whitespace-nowrap">/s/{snapshot.id}</span>
          </p>
        </div>
        {confirming ? null : (
          <button ref={revokeRef} type="button" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`} className={revokeButton}>
            Revoke
          </button>
        )}
      </div>
      {confirming ? (
        <fieldset
          aria-label={`Confirm revoking ${name}`}
          className="mt-3 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
          <p>Revoke this snapshot? Its content is deleted for good, and its link will only say that it was revoked.</p>
          <div className="flex gap-2">
            <button type="button" autoFocus onClick={keep} onKeyDown={escapeKeeps} disabled={revoke.isPending} className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100">
              Keep it
            </button>
            <button type="button" onClick={() => revoke.mutate()} onKeyDown={escapeKeeps} disabled={revoke.isPending} className="rounded-md bg-red-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-800 disabled:opacity-60">
              {revoke.isPending ? 'Revoking…' : 'Revoke and delete'}
            </button>
          </div>
        </fieldset>
      ) : null}
      {revoke.error ? <ApiErrorPanel compact error={revoke.error} /> : null}
    </li>
  );
}

/** Every snapshot this viewer holds, newest first, each with its link and a Revoke button. */
export function SnapshotsPage() {
  useDocumentTitle('Snapshots');
  const list = useQuery(snapshotListQueryOptions());
  const mode = useQuery(sourcesQueryOptions()).data?.snapshots;
  return (
    <div className="space-y-4">
      <h1 id={SNAPSHOTS_HEADING} tabIndex={-1} className="text-xl font-semibold outline-none">
        Snapshots
      </h1>
      {/* Turned off, there is nothing to promise: the error below says so. */}
      {mode === 'off' ? null : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Stored copies of conversations. {mode === 'private' ? 'Only people with access to this viewer can read a snapshot, with its link' : 'Anyone with a snapshot’s link can read it'}; revoking one deletes its content.
        </p>
      )}
      {list.data ? (
        list.data.length ? (
          <ul className="space-y-3">
            {list.data.map((snapshot) => (
              <SnapshotRow key={snapshot.id} snapshot={snapshot} />
            ))}
          </ul>
        ) : (
          <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No snapshots yet. Open a conversation and choose “Share snapshot…”.
          </p>
        )
      ) : list.error ? (
        <ApiErrorPanel error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading snapshots…</p>
      )}
    </div>
  );
}
