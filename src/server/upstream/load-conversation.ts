import type { UpstreamFailure } from './get-from-upstream.ts';
import { createSeenIds } from './seen-ids.ts';

export interface LoaderItem {
  /** The spec lets some item types (custom tool calls and their outputs) go without one. */
  id?: string;
  type: string;
  [field: string]: unknown;
}

export type End = 'head' | 'tail';

export interface PageRequest {
  order: 'asc' | 'desc';
  after: string | null;
}

export interface LoaderPage {
  items: LoaderItem[];
  hasMore: boolean;
  lastId: string | null;
  /** The JSON text of `items` as the upstream wrote it, where it can be passed on as one line; found only if asked for. */
  itemsText?: () => string | null;
}

export type PageResult = { ok: true; page: LoaderPage } | UpstreamFailure;

export type FetchPage = (request: PageRequest, signal: AbortSignal) => Promise<PageResult>;

export type LoaderEvent =
  /** `itemsText`: the page's own JSON text of `items`, when the event holds the whole page. */
  | { type: 'items'; end: End; items: LoaderItem[]; itemsText?: () => string | null }
  | { type: 'done' }
  /** The upstream's failure with all it said beside its error (request ids, retry hints), or the loader's own. */
  | { type: 'error'; failure: UpstreamFailure };

export interface LoadOptions {
  /** Resume after this item from the start (the last item the head delivered before). */
  headAfter?: string | null;
  /** Resume after this item from the end (the oldest item the tail delivered before). */
  tailAfter?: string | null;
  /** A hard cap on pages per end, whatever the upstream says about `has_more`. */
  maxPages?: number;
  signal?: AbortSignal;
}

export const DEFAULT_MAX_PAGES = 1000;

function ownError(status: number, code: string, message: string, type: string): LoaderEvent {
  return { type: 'error', failure: { ok: false, status, error: { message, type, code, param: null }, requestId: null, retryAfter: null } };
}

const loopError = (message: string) => ownError(502, 'upstream_paging_loop', message, 'upstream_error');

/**
 * Pages a conversation from both ends at once (`asc` from the first item, `desc` from the last) until they meet,
 * yielding each page's new items as it arrives. Only item IDs are remembered, never the items, and each end keeps
 * at most one page waiting for the consumer, so a slow reader slows the paging instead of filling memory.
 * Every loop ends: on a repeated cursor, a page with no new items, or past `maxPages`.
 */
export async function* loadConversation(fetchPage: FetchPage, options: LoadOptions = {}): AsyncGenerator<LoaderEvent> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const seen = createSeenIds();
  // What the other end delivered before a resume is where this end stops.
  if (options.tailAfter) seen.add('tail', options.tailAfter, -1);
  if (options.headAfter) seen.add('head', options.headAfter, -1);

  /**
   * Whether the item at `index` of a page is where the ends meet, or only has an ID the other end saw elsewhere (an
   * upstream may repeat an ID, even at both ends). Where they meet, the items after it on this page are the ones the
   * other end delivered just before it, in turn, down to its first; an ID that merely repeats is followed by others.
   */
  function meetsAt(items: readonly LoaderItem[], index: number, other: End, hasMore: boolean): boolean {
    const order = seen.orderAt(other, items[index].id!)!;
    if (order < 0) return true;
    const following = items.slice(index + 1).find((item) => item.id !== undefined);
    if (!following) return order > 0 || !hasMore;
    return seen.orderAt(other, following.id!) === order - 1;
  }

  const queue: LoaderEvent[] = [];
  const state = { finished: false };
  let wakeConsumer: (() => void) | null = null;
  const wakeProducer: Record<End, (() => void) | null> = { head: null, tail: null };
  const waiting: Record<End, number> = { head: 0, tail: 0 };

  const notify = () => {
    wakeConsumer?.();
    wakeConsumer = null;
  };
  const finish = (event: LoaderEvent) => {
    if (state.finished) return;
    state.finished = true;
    queue.push(event);
    controller.abort();
    notify();
  };

  async function runEnd(end: End) {
    const other: End = end === 'head' ? 'tail' : 'head';
    const order = end === 'head' ? 'asc' : 'desc';
    let cursor = (end === 'head' ? options.headAfter : options.tailAfter) ?? null;
    const cursors = new Set<string>(cursor ? [cursor] : []);
    for (let pages = 0; !state.finished; pages += 1) {
      if (pages >= maxPages) {
        return finish(loopError(`Loading stopped after ${maxPages} pages from each end of the conversation, the most the viewer reads.`));
      }
      const result = await fetchPage({ order, after: cursor }, controller.signal);
      if (state.finished) return;
      if (!result.ok) return finish({ type: 'error', failure: result });

      const { items, hasMore, lastId, itemsText } = result.page;
      const fresh: LoaderItem[] = [];
      let met = false;
      let repeated = 0;
      for (const [index, item] of items.entries()) {
        // Without an id an item cannot be matched across ends or pages: it is simply kept.
        if (item.id === undefined) {
          fresh.push(item);
          continue;
        }
        if (seen.addIfNew(end, item.id)) {
          fresh.push(item);
          continue;
        }
        if (seen.orderAt(other, item.id) !== undefined && meetsAt(items, index, other, hasMore)) {
          met = true;
          break;
        }
        if (seen.orderAt(end, item.id) !== undefined) repeated += 1;
        else seen.add(end, item.id);
        fresh.push(item);
      }
      if (!met && items.length > 0 && repeated === items.length) {
        return finish(loopError(`The upstream sent the same ${items.length} items again after '${cursor}': it ignores the 'after' cursor, so loading stopped.`));
      }
      if (fresh.length > 0) {
        queue.push({ type: 'items', end, items: fresh, ...(itemsText && fresh.length === items.length ? { itemsText } : {}) });
        waiting[end] += 1;
        notify();
      }
      if (met || !hasMore || items.length === 0) return finish({ type: 'done' });

      const next = lastId || items.findLast((item) => item.id !== undefined)?.id;
      if (!next) return finish(loopError(`The upstream sent a page without last_id whose items have no id, so there is no cursor to read on from.`));
      if (cursors.has(next)) {
        return finish(loopError(`The upstream answered with the cursor '${next}' a second time, so loading stopped instead of paging forever.`));
      }
      cursors.add(next);
      cursor = next;
      // One page ahead at most: wait while the consumer has not taken this end's previous page.
      while (waiting[end] > 1 && !state.finished) await new Promise<void>((resolve) => (wakeProducer[end] = resolve));
    }
  }

  const ends = (['head', 'tail'] as const).map((end) =>
    runEnd(end).catch((error: unknown) => {
      if (!state.finished) {
        finish(ownError(500, 'internal_error', `Loading failed (${error instanceof Error ? error.message : 'unknown error'}).`, 'server_error'));
      }
    }),
  );

  try {
    for (;;) {
      const event = queue.shift();
      if (!event) {
        if (state.finished) break;
        await new Promise<void>((resolve) => (wakeConsumer = resolve));
        continue;
      }
      if (event.type === 'items') {
        waiting[event.end] -= 1;
        wakeProducer[event.end]?.();
        wakeProducer[event.end] = null;
      }
      yield event;
      if (event.type !== 'items') break;
    }
  } finally {
    state.finished = true;
    controller.abort();
    for (const end of ['head', 'tail'] as const) wakeProducer[end]?.();
    options.signal?.removeEventListener('abort', onOuterAbort);
    await Promise.all(ends);
  }
}
