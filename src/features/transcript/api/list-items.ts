import { infiniteQueryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import type { ItemOrder, ItemPage } from '../types';

export const ITEMS_PAGE_SIZE = 100;

export const listItems = (
  source: string,
  conversationId: string,
  { order, after }: { order: ItemOrder; after: string | null },
  signal?: AbortSignal,
) => {
  const query = new URLSearchParams({ limit: String(ITEMS_PAGE_SIZE), order });
  if (after) query.set('after', after);
  return getJson<ItemPage>(
    `/api/sources/${encodeURIComponent(source)}/conversations/${encodeURIComponent(conversationId)}/items?${query}`,
    signal,
  );
};

export const itemsQueryOptions = (source: string, conversationId: string, order: ItemOrder) =>
  infiniteQueryOptions({
    queryKey: ['conversations', source, conversationId, 'items', { order }],
    queryFn: ({ pageParam, signal }) => listItems(source, conversationId, { order, after: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more && page.last_id ? page.last_id : undefined),
    // Pages never change once loaded; comparing thousands of items deeply on every page is wasted work.
    structuralSharing: false,
  });
