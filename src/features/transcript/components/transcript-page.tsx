import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { ErrorPanel } from '../../../components/error-panel';
import { rememberConversation } from '../../../lib/recent-conversations';
import { describeApiError, type ErrorDescription } from '../../../lib/describe-api-error';
import { conversationQueryOptions } from '../api/get-conversation';
import { itemsQueryOptions } from '../api/list-items';
import { downloadText } from '../lib/download-text';
import { mergePages } from '../lib/merge-pages';
import { pairToolCalls } from '../lib/pair-tool-calls';
import { useItemAnchor } from '../lib/use-item-anchor';
import { useItemFilter } from '../lib/use-item-filter';
import { useProgressivePages } from '../lib/use-progressive-pages';
import type { ItemOrder } from '../types';
import { ConversationHeader } from './conversation-header';
import { ItemList } from './item-list';
import { LoadProgress } from './load-progress';
import { TranscriptFilter } from './transcript-filter';
import { TranscriptSkeleton } from './transcript-skeleton';
import { TranscriptToolbar } from './transcript-toolbar';

interface TranscriptPageProps {
  conversationId: string;
  source: string;
  sourceLabel: string;
  order: ItemOrder;
  anchorItemId: string | null;
  onOrderChange: (order: ItemOrder) => void;
  shareUrl: () => string;
}

function laterPageError(description: ErrorDescription, loaded: number): ErrorDescription {
  return { ...description, title: `Loading stopped after ${loaded} items: ${description.title.toLowerCase()}` };
}

/** While React Query retries on its own, say what failed instead of showing a skeleton for a minute. */
function retryingError(description: ErrorDescription, failures: number): ErrorDescription {
  return { ...description, hint: `${description.hint} Retrying automatically (attempt ${failures + 1})…` };
}

export function TranscriptPage({ conversationId, source, sourceLabel, order, anchorItemId, onOrderChange, shareUrl }: TranscriptPageProps) {
  const conversation = useQuery(conversationQueryOptions(source, conversationId));
  const items = useInfiniteQuery(itemsQueryOptions(source, conversationId, order));
  const progress = useProgressivePages(items);

  const merged = useMemo(() => mergePages(items.data?.pages ?? []), [items.data]);
  const pairs = useMemo(() => pairToolCalls(merged.items), [merged.items]);
  const filter = useItemFilter(merged.items);
  const shownItems = filter.shown;
  const complete = items.isSuccess && !items.hasNextPage;
  const anchor = useItemAnchor(anchorItemId, merged.indexById, complete);
  const errorContext = { conversationId, sourceLabel };

  const hasItems = items.data !== undefined;

  // Only conversations that exist are remembered for the home page's "Recently opened".
  useEffect(() => {
    if (hasItems) rememberConversation({ conversationId, source, openedAt: Date.now() });
  }, [hasItems, conversationId, source]);
  const primaryError = !hasItems ? (items.error ?? conversation.error) : null;

  return (
    <div className="space-y-5">
      <ConversationHeader
        conversationId={conversationId}
        sourceLabel={sourceLabel}
        conversation={conversation.data}
        itemCount={hasItems ? merged.items.length : null}
        complete={complete}
      />
      <TranscriptToolbar
        order={order}
        onOrderChange={onOrderChange}
        shareUrl={shareUrl}
        onDownload={
          hasItems
            ? () =>
                downloadText(
                  JSON.stringify({ conversation: conversation.data ?? { id: conversationId }, source, order, complete, items: merged.items }, null, 2),
                  `${conversationId}.json`,
                  'application/json',
                )
            : undefined
        }
      />

      {hasItems && conversation.error ? (
        <ErrorPanel compact description={describeApiError(conversation.error, errorContext)} onRetry={() => void conversation.refetch()} retrying={conversation.isFetching} />
      ) : null}

      {anchor.kind === 'searching' ? (
        <output className="block rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Looking for item <code className="font-mono">{anchor.itemId}</code>: it has not loaded yet.
        </output>
      ) : null}
      {anchor.kind === 'missing' ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Item <code className="font-mono">{anchor.itemId}</code> is not in this conversation.
        </p>
      ) : null}

      {hasItems && merged.items.length > 0 ? (
        <TranscriptFilter counts={filter.counts} hidden={filter.hidden} onToggle={filter.toggleKind} query={filter.query} onQuery={filter.setQuery} />
      ) : null}
      {shownItems !== merged.items ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="filter-summary">
          Showing {shownItems.length} of {merged.items.length} loaded items.
        </p>
      ) : null}

      {hasItems ? (
        merged.items.length > 0 ? (
          <ItemList items={shownItems} pairs={pairs} highlightedId={anchor.kind === 'found' ? anchor.itemId : null} />
        ) : (
          <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-500 dark:border-zinc-700">
            This conversation has no items.
          </p>
        )
      ) : primaryError ? (
        <ErrorPanel
          description={describeApiError(primaryError, errorContext)}
          onRetry={() => {
            void items.refetch();
            void conversation.refetch();
          }}
          retrying={items.isFetching}
        />
      ) : items.failureReason ? (
        <ErrorPanel description={retryingError(describeApiError(items.failureReason, errorContext), items.failureCount)} />
      ) : (
        <TranscriptSkeleton />
      )}

      {hasItems && items.error ? (
        <ErrorPanel
          compact
          description={laterPageError(describeApiError(items.error, errorContext), merged.items.length)}
          onRetry={() => void items.fetchNextPage()}
          retrying={items.isFetchingNextPage}
        />
      ) : null}

      {hasItems && items.hasNextPage && !items.error ? (
        <div className="sticky bottom-3">
          <LoadProgress
            loaded={merged.items.length}
            loading={items.isFetchingNextPage}
            paused={progress.paused}
            onPause={progress.pause}
            onResume={progress.resume}
          />
        </div>
      ) : null}
    </div>
  );
}
