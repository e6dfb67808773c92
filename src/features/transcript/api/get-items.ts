import { getJson } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { itemPath, itemsPath } from '../../../shared/contract/api-paths';
import type { ConversationItem, ItemOrder, ItemPage } from '../types';

function malformed(what: string) {
  return new ApiError(`The viewer server's answer is malformed (${what}).`, { status: 502, code: 'malformed_response' });
}

const isItem = (value: unknown): value is ConversationItem =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** One page of items: GET …/items. */
export async function listItems(
  source: string,
  conversationId: string,
  query: { order: ItemOrder; limit: number; after?: string | null },
  signal?: AbortSignal,
): Promise<ItemPage> {
  const params = new URLSearchParams({ order: query.order, limit: String(query.limit) });
  if (query.after) params.set('after', query.after);
  const page = await getJson<Partial<ItemPage> | null>(`${itemsPath(source, conversationId)}?${params}`, signal);
  if (!page || !Array.isArray(page.data) || !page.data.every(isItem)) throw malformed('no list of items');
  return {
    object: 'list',
    data: page.data,
    first_id: typeof page.first_id === 'string' ? page.first_id : null,
    last_id: typeof page.last_id === 'string' ? page.last_id : null,
    has_more: page.has_more === true,
  };
}

/** One item: GET …/items/<item_id>. */
export async function getItem(source: string, conversationId: string, itemId: string, signal?: AbortSignal): Promise<ConversationItem> {
  const item = await getJson<unknown>(itemPath(source, conversationId, itemId), signal);
  if (!isItem(item)) throw malformed('not an item');
  return item;
}
