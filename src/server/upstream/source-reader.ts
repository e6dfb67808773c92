import { ApiFailure } from '../http/api-failure.ts';
import type { Source } from '../sources/sources.ts';
import { loadConversation, type FetchPage, type LoaderEvent, type LoaderItem, type LoadOptions, type PageResult } from './load-conversation.ts';
import { topLevelArrayText } from './top-level-array-text.ts';
import { readUpstream, type UpstreamReader } from './upstream-read.ts';
import { pause, RETRIES, TRANSIENT, withRetries } from './with-retries.ts';

export const STREAM_PAGE_SIZE = 100;

/** One upstream page of items, through the one upstream read (gate, byte lease, timeout, size cap, redaction, shape check). */
export function sourcePageFetcher(source: Source, conversationId: string, reader: UpstreamReader): FetchPage {
  return async ({ order, after }, signal): Promise<PageResult> => {
    const query = new URLSearchParams({ limit: String(STREAM_PAGE_SIZE), order });
    if (after) query.set('after', after);
    // The page's bytes count against the budget while it is read and parsed; the loader then holds at most one
    // parsed page per end, and the stream's backpressure holds the rest upstream.
    const result = await readUpstream(source, `/conversations/${conversationId}/items?${query}`, 'itemList', reader, { signal });
    if (!result.ok) return result;
    const list = result.body as { data: LoaderItem[]; has_more: boolean; last_id: string | null };
    const { text } = result;
    const itemsText = text === null ? undefined : () => topLevelArrayText(text, 'data');
    return { ok: true, page: { items: list.data, hasMore: list.has_more, lastId: list.last_id, ...(itemsText ? { itemsText } : {}) } };
  };
}

/** The conversation object, through the one upstream read; a dropped connection is tried again. */
export async function readConversation(source: Source, conversationId: string, reader: UpstreamReader, signal: AbortSignal) {
  for (let attempt = 0; ; attempt += 1) {
    const result = await readUpstream(source, `/conversations/${conversationId}`, 'conversation', reader, { signal });
    if (result.ok) return result.body as Record<string, unknown> & { id: string };
    if (attempt >= RETRIES || signal.aborted || !TRANSIENT.has(result.error.code ?? '')) throw ApiFailure.from(result);
    await pause(250 * (attempt + 1), signal);
  }
}

/** Every page of the conversation from both ends at once: the fastest way to read all of it. */
export function readBothEnds(source: Source, conversationId: string, reader: UpstreamReader, load: LoadOptions): AsyncGenerator<LoaderEvent> {
  return loadConversation(storableIds(source, withRetries(sourcePageFetcher(source, conversationId, reader))), load);
}

/** The store keeps item IDs as text, which cannot hold a NUL character: such a page is the upstream's fault, not ours. */
function storableIds(source: Source, fetchPage: FetchPage): FetchPage {
  return async (request, signal) => {
    const result = await fetchPage(request, signal);
    if (!result.ok || !result.page.items.some((item) => item.id?.includes('\u0000'))) return result;
    const message = `${source.label} sent an item ID with a NUL character in it, which a snapshot cannot store.`;
    return { ok: false, status: 502, error: { message, type: 'upstream_error', code: 'upstream_malformed', param: null }, requestId: null, retryAfter: null };
  };
}

/**
 * The items in conversation order, read from the start only, for answers that stream in order without holding
 * half a conversation in memory. The loader's end-of-conversation side waits, unasked, until the start side is done.
 */
export async function* readInOrder(source: Source, conversationId: string, reader: UpstreamReader, load: LoadOptions) {
  const fetchPage = withRetries(sourcePageFetcher(source, conversationId, reader));
  const startOnly: FetchPage = (request, signal) =>
    request.order === 'asc'
      ? fetchPage(request, signal)
      : new Promise((resolve) => signal.addEventListener('abort', () => resolve({ ok: true, page: { items: [], hasMore: false, lastId: null } }), { once: true }));
  for await (const event of loadConversation(startOnly, load)) {
    if (event.type === 'error') throw ApiFailure.from(event.failure);
    if (event.type === 'items') yield* event.items;
  }
}
