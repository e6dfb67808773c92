import type { ErrorDetails } from '../../lib/error-body.ts';

export interface LoaderItem {
  id: string;
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
}

export type PageResult = { ok: true; page: LoaderPage } | { ok: false; status: number; error: ErrorDetails; retryAfter?: string | null };

export type FetchPage = (request: PageRequest, signal: AbortSignal) => Promise<PageResult>;

export type LoaderEvent =
  | { type: 'items'; end: End; items: LoaderItem[] }
  | { type: 'done' }
  | { type: 'error'; status: number; error: ErrorDetails; retry_after?: string | null };

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

function loopError(message: string): LoaderEvent {
  return { type: 'error', status: 502, error: { message, type: 'upstream_error', code: 'upstream_paging_loop', param: null } };
}

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

  const seen: Record<End, Set<string>> = { head: new Set(), tail: new Set() };
  // What the other end delivered before a resume is where this end stops.
  if (options.tailAfter) seen.tail.add(options.tailAfter);
  if (options.headAfter) seen.head.add(options.headAfter);

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
      if (!result.ok) return finish({ type: 'error', status: result.status, error: result.error, ...(result.retryAfter ? { retry_after: result.retryAfter } : {}) });

      const { items, hasMore, lastId } = result.page;
      const fresh: LoaderItem[] = [];
      let met = false;
      let repeated = 0;
      for (const item of items) {
        if (seen[other].has(item.id)) {
          met = true;
          break;
        }
        if (seen[end].has(item.id)) repeated += 1;
        else seen[end].add(item.id);
        fresh.push(item);
      }
      if (!met && items.length > 0 && repeated === items.length) {
        return finish(loopError(`The upstream sent the same ${items.length} items again after '${cursor}': it ignores the 'after' cursor, so loading stopped.`));
      }
      if (fresh.length > 0) {
        queue.push({ type: 'items', end, items: fresh });
        waiting[end] += 1;
        notify();
      }
      if (met || !hasMore || items.length === 0) return finish({ type: 'done' });

      const next = lastId || items.at(-1)!.id;
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
        finish({ type: 'error', status: 500, error: { message: `Loading failed (${error instanceof Error ? error.message : 'unknown error'}).`, type: 'server_error', code: 'internal_error', param: null } });
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
