import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { snapshotItemsPagePath } from '../../../shared/contract/api-paths';
import { addChunk, countStreamed, EMPTY_STREAM, type StreamChunk, type StreamedItems } from '../data/streamed-items';
import type { ItemPage } from '../types';

/** A stored snapshot's items, in order, a thousand at a time; each page lands in the cache as it arrives. */
export const snapshotItemsQueryOptions = (snapshotId: string) =>
  queryOptions({
    queryKey: ['snapshots', 'one', snapshotId, 'items'],
    queryFn: streamedQuery<StreamChunk, StreamedItems>({
      streamFn: async function* ({ client, queryKey, signal }) {
        const current = client.getQueryData<StreamedItems>(queryKey);
        if (current?.complete) return;
        // Positions, not item IDs, are the cursor: some items have no ID.
        let from = countStreamed(current);
        for (;;) {
          const page = await getJson<ItemPage & { next_from: number | null }>(snapshotItemsPagePath(snapshotId, from), signal);
          yield { head: page.data, tail: [], done: !page.has_more };
          if (!page.has_more) return;
          if (typeof page.next_from !== 'number' || page.next_from <= from) {
            throw new ApiError('The viewer server sent the same page of the snapshot twice.', { status: 502, code: 'malformed_response' });
          }
          from = page.next_from;
        }
      },
      reducer: addChunk,
      initialValue: EMPTY_STREAM,
      refetchMode: 'append',
    }),
    staleTime: Infinity,
    structuralSharing: false,
  });
