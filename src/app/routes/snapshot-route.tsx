import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useMemo } from 'react';
import { ApiErrorPanel } from '../../components/error-panel';
import { CompareWithButton } from '../../features/compare/components/compare-with-button';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { snapshotQueryOptions } from '../../features/snapshots/api/snapshots';
import { SnapshotBanner } from '../../features/snapshots/components/snapshot-banner';
import { TranscriptPage } from '../../features/transcript/components/transcript-page';
import { LeftOutContext, snapshotLeftOut } from '../../features/transcript/lib/left-out';
import { TranscriptSkeleton } from '../../features/transcript/components/transcript-skeleton';
import { useHash, usePathParam, useRouteSearch } from '../../lib/navigation';
import { parseTranscriptSearch } from '../search-params';
import { useViewChange, viewFromSearch } from '../transcript-view';
import { anchorFrom } from './transcript-route';
import { ApiError } from '../../lib/api-error';
import { isSnapshotId } from '../../lib/ids';

/** /s/<id>: a stored snapshot in the same transcript view, under a banner saying what it is. */
export function SnapshotRoute() {
  const snapshotId = usePathParam('/s/');
  const search = useRouteSearch(parseTranscriptSearch);
  const hash = useHash();
  // An ID that cannot be one is not asked for: the page says what is wrong with the link instead.
  const wellFormed = isSnapshotId(snapshotId);
  const snapshot = useQuery({ ...snapshotQueryOptions(snapshotId), enabled: wellFormed });
  // A snapshot's reader may have no access to the viewer itself: its sources are offered only when already known.
  const sources = useQueryClient().getQueryData(sourcesQueryOptions().queryKey);
  const view = useMemo(() => viewFromSearch(search), [search]);
  const onViewChange = useViewChange();
  const leftOut = useMemo(() => snapshotLeftOut(snapshot.data?.manifest ?? null), [snapshot.data]);

  const error = wellFormed ? snapshot.error : new ApiError(`“${snapshotId.slice(0, 80)}” cannot be a snapshot ID.`, { status: 404, code: 'snapshot_not_found' });
  if (error) {
    return (
      <div className="space-y-4">
        <ApiErrorPanel heading error={error} describe={(describer, failure) => describer.describeApiError(failure, { snapshotId })} />
        <Link href="/" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Go to the viewer’s home page
        </Link>
      </div>
    );
  }
  if (!snapshot.data) return <TranscriptSkeleton />;

  const data = snapshot.data;
  return (
    <div className="space-y-4">
      <SnapshotBanner snapshot={data} />
      <LeftOutContext.Provider value={leftOut}>
      <TranscriptPage
        key={snapshotId}
        origin={{ kind: 'snapshot', snapshotId, conversationId: data.conversation_id ?? data.conversation.id ?? snapshotId, conversation: { id: snapshotId, ...data.conversation } }}
        sourceLabel={data.origin === 'file' ? 'a file' : (data.source_label ?? data.source ?? 'a source')}
        pageTitle={data.title}
        view={view}
        onViewChange={onViewChange}
        anchorItemId={anchorFrom(hash)}
        shareUrl={() => {
          const url = new URL(window.location.href);
          url.hash = '';
          return url.toString();
        }}
        itemUrl={(itemId) => {
          const url = new URL(window.location.href);
          url.hash = itemId;
          return url.toString();
        }}
        toolbarExtras={<CompareWithButton current={{ value: `s:${snapshotId}` }} sources={sources?.sources ?? []} defaultSource={sources?.defaultSource ?? null} />}
      />
      </LeftOutContext.Provider>
    </div>
  );
}
