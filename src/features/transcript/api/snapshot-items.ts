import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { addChunk, EMPTY_STREAM, streamCursors, type StreamChunk, type StreamedItems } from '../data/streamed-items';
import type { ItemPage } from '../types';

const PAGE_SIZE = 1000;

/** A stored snapshot's items, in order, a thousand at a time; each page lands in the cache as it arrives. */
export const snapshotItemsQueryOptions = (snapshotId: string) =>
  queryOptions({
    queryKey: ['snapshots', 'one', snapshotId, 'items'],
    queryFn: streamedQuery<StreamChunk, StreamedItems>({
      streamFn: async function* ({ client, queryKey, signal }) {
        const current = client.getQueryData<StreamedItems>(queryKey);
        if (current?.complete) return;
        let after = streamCursors(current).headAfter;
        for (;;) {
          const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
          if (after) query.set('after', after);
          const page = await getJson<ItemPage>(`/api/snapshots/${encodeURIComponent(snapshotId)}/items?${query}`, signal);
          yield { head: page.data, tail: [], done: !page.has_more };
          if (!page.has_more) return;
          if (!page.last_id || page.last_id === after) {
            throw new ApiError('The viewer server sent the same page of the snapshot twice.', { status: 502, code: 'malformed_response' });
          }
          after = page.last_id;
        }
      },
      reducer: addChunk,
      initialValue: EMPTY_STREAM,
      refetchMode: 'append',
    }),
    staleTime: Infinity,
    structuralSharing: false,
  });
