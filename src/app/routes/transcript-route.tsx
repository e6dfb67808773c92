import { useQuery } from '@tanstack/react-query';
import { BackHomeLink } from './back-home-link';
import { useEffect, useMemo } from 'react';
import { ApiErrorPanel, ErrorPanel } from '../../components/error-panel';
import { CompareWithButton } from '../../features/compare/components/compare-with-button';
import { ShareSnapshotButton } from '../../features/snapshots/components/share-snapshot-button';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { TranscriptPage } from '../../features/transcript/components/transcript-page';
import { navigateTo, parseSearch, withSearchValues, useHash, usePathParam, useRouteSearch } from '../../lib/navigation';
import { parseTranscriptSearch } from '../search-params';
import { useViewChange, viewFromSearch } from '../transcript-view';
import { TranscriptSkeleton } from '../../features/transcript/components/transcript-skeleton';
import { ApiError } from '../../lib/api-error';
import { isConversationId, isItemId } from '../../lib/ids';

/** Only an item ID is followed: any other fragment text is never echoed on the page. */
export function anchorFrom(hash: string): string | null {
  if (!hash) return null;
  let decoded = hash;
  try {
    decoded = decodeURIComponent(hash);
  } catch {
    return null;
  }
  return isItemId(decoded) ? decoded : null;
}

export function TranscriptRoute() {
  const conversationId = usePathParam('/c/');
  const search = useRouteSearch(parseTranscriptSearch);
  const hash = useHash();
  const sources = useQuery(sourcesQueryOptions());
  const source = search.source ?? sources.data?.defaultSource ?? null;
  const order = search.order ?? 'asc';
  const view = useMemo(() => viewFromSearch(search), [search]);
  const onViewChange = useViewChange();

  // A link without a source gets the default written into the URL, so copying it later shares the same view; a source
  // written in another case (`?source=Demo`) gets the ID of the configured source it names.
  useEffect(() => {
    if (!search.source && sources.data?.defaultSource) {
      navigateTo({ search: (previous) => ({ ...previous, source: sources.data.defaultSource ?? undefined }), hash, replace: true }, parseTranscriptSearch);
    } else if (search.source && parseSearch(window.location.search).source !== search.source && sources.data?.sources.some((candidate) => candidate.id === search.source)) {
      navigateTo({ search: (previous) => previous, hash, replace: true }, parseTranscriptSearch);
    }
  }, [search.source, sources.data, hash]);

  if (!isConversationId(conversationId)) {
    const error = new ApiError(`“${conversationId.slice(0, 80)}” is not a valid conversation ID.`, { status: 400, code: 'invalid_conversation_id' });
    return (
      <div className="space-y-4">
        <BackHomeLink carry={conversationId} />
        <ApiErrorPanel heading error={error} describe={(describer, failure) => describer.describeApiError(failure, { conversationId })} />
      </div>
    );
  }
  if (!source) {
    return (
      <div className="space-y-4">
        <BackHomeLink />
        {sources.error ? (
          <ApiErrorPanel heading error={sources.error} onRetry={() => void sources.refetch()} retrying={sources.isFetching} />
        ) : sources.data ? (
          <ErrorPanel
            heading
            description={{
              title: 'No sources are configured',
              hint: 'This viewer has no API key set and its demo source is off. Set DASHSCOPE_API_KEY or OPENAI_API_KEY on the server and restart it.',
              detail: '',
            }}
          />
        ) : (
          <TranscriptSkeleton />
        )}
      </div>
    );
  }

  const current = sources.data?.sources.find((candidate) => candidate.id === source);
  const sourceLabel = current?.label ?? source;
  return (
    <div className="space-y-4">
      <TranscriptPage
        lead={(failed) => <BackHomeLink carry={failed ? conversationId : undefined} />}
        key={`${source}/${conversationId}`}
        origin={{ kind: 'api', source, conversationId }}
        sourceLabel={sourceLabel}
        sourceKind={current?.kind ?? null}
        otherSources={sources.data?.sources.filter((candidate) => candidate.id !== source) ?? []}
        view={view}
        onViewChange={onViewChange}
        anchorItemId={anchorFrom(hash)}
        shareUrl={() => withSearchValues(window.location.href, { source, order }).toString()}
        itemUrl={(itemId) => {
          const url = withSearchValues(window.location.href, { source });
          url.hash = itemId;
          return url.toString();
        }}
        toolbarExtras={(loadedItems) => (
          <>
            <CompareWithButton current={{ value: conversationId, source }} sources={sources.data?.sources ?? []} defaultSource={source} />
            {sources.data?.snapshots === 'off' ? null : <ShareSnapshotButton target={{ kind: 'source', source, conversationId }} name={conversationId} loadedItems={loadedItems} />}
          </>
        )}
      />
    </div>
  );
}
