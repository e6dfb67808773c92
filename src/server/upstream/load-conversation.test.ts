import { describe, expect, it } from 'vitest';
import { loadConversation, type FetchPage, type LoaderEvent, type LoaderItem, type PageRequest } from './load-conversation.ts';

function makeItems(count: number): LoaderItem[] {
  return Array.from({ length: count }, (_, index) => ({ id: `msg_${String(index).padStart(6, '0')}`, type: 'message' }));
}

/** A Conversations API over an array, with `after` honoured by position (or, for a deleted item, by ID order). */
function fakeUpstream(items: LoaderItem[], { limit = 100, delayMs = 0 } = {}) {
  const requests: PageRequest[] = [];
  const fetchPage: FetchPage = async (request, signal) => {
    requests.push(request);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    const ordered = request.order === 'asc' ? items : [...items].reverse();
    const start = request.after === null ? 0 : ordered.findIndex((item) => (request.order === 'asc' ? item.id! > request.after! : item.id! < request.after!));
    const page = start < 0 ? [] : ordered.slice(start, start + limit);
    return { ok: true, page: { items: page, hasMore: start >= 0 && start + limit < ordered.length, lastId: page.at(-1)?.id ?? null } };
  };
  return { fetchPage, requests };
}

async function collect(events: AsyncIterable<LoaderEvent>) {
  const head: LoaderItem[] = [];
  const tail: LoaderItem[] = [];
  let last: LoaderEvent | undefined;
  for await (const event of events) {
    if (event.type === 'items') (event.end === 'head' ? head : tail).push(...event.items);
    last = event;
  }
  return { head, tail, ordered: [...head, ...[...tail].reverse()], last };
}

/** A Conversations API over an array that finds `after` by position, so items without an id can be served. */
function positionalUpstream(items: LoaderItem[], limit = 100): FetchPage {
  return async (request) => {
    const ordered = request.order === 'asc' ? items : [...items].reverse();
    const start = request.after === null ? 0 : ordered.findIndex((item) => item.id === request.after) + 1;
    const page = ordered.slice(start, start + limit);
    return { ok: true, page: { items: page, hasMore: start + limit < ordered.length, lastId: page.at(-1)?.id ?? null } };
  };
}

describe('loadConversation', () => {
  it('loads items without an id (custom tool calls may have none) from both ends, each once, without a false meeting', async () => {
    const items = makeItems(250).map((item, index) =>
      [10, 11, 120, 160, 200].includes(index) ? { type: 'custom_tool_call_output', call_id: `call_${index}`, output: 'ok' } : item,
    );
    const result = await collect(loadConversation(positionalUpstream(items)));
    expect(result.last).toEqual({ type: 'done' });
    expect(result.ordered).toEqual(items);
  });

  for (const count of [0, 1, 99, 100, 101, 250, 1234]) {
    it(`meets in the middle of ${count} items without duplicates or gaps`, async () => {
      const items = makeItems(count);
      const { fetchPage } = fakeUpstream(items);
      const result = await collect(loadConversation(fetchPage));
      expect(result.ordered.map((item) => item.id)).toEqual(items.map((item) => item.id));
      expect(result.last).toEqual({ type: 'done' });
    });
  }

  it("passes a page's own text on only with the whole page, never with the part left where the ends meet", async () => {
    const upstream = positionalUpstream(makeItems(250));
    const withText: FetchPage = async (request, signal) => {
      const result = await upstream(request, signal);
      return result.ok ? { ...result, page: { ...result.page, itemsText: () => JSON.stringify(result.page.items) } } : result;
    };
    const events: LoaderEvent[] = [];
    for await (const event of loadConversation(withText)) events.push(event);
    const pages = events.filter((event) => event.type === 'items');
    expect(pages.reduce((sum, page) => sum + page.items.length, 0)).toBe(250);
    const whole = pages.filter((page) => page.items.length === 100);
    const part = pages.filter((page) => page.items.length < 100);
    expect(whole.map((page) => JSON.parse(page.itemsText!()!))).toEqual(whole.map((page) => page.items));
    expect(part).not.toHaveLength(0);
    expect(part.map((page) => page.itemsText)).toEqual(part.map(() => undefined));
  });

  it('meets correctly when one end is much faster than the other', async () => {
    const items = makeItems(730);
    const slowTail: FetchPage = async (request, signal) => {
      if (request.order === 'desc') await new Promise((resolve) => setTimeout(resolve, 20));
      return fakeUpstream(items).fetchPage(request, signal);
    };
    const result = await collect(loadConversation(slowTail));
    expect(result.ordered.map((item) => item.id)).toEqual(items.map((item) => item.id));
  });

  it('loads both ends at once: the last item arrives with the first page', async () => {
    const { fetchPage, requests } = fakeUpstream(makeItems(1000), { delayMs: 5 });
    const events = loadConversation(fetchPage);
    const first = await events.next();
    const second = await events.next();
    await events.return(undefined);
    const ends = [first.value, second.value].map((event) => (event as { end: string }).end).sort();
    expect(ends).toEqual(['head', 'tail']);
    expect(requests.slice(0, 2).map((request) => request.order).sort()).toEqual(['asc', 'desc']);
  });

  it('keeps going when an item is deleted during the load', async () => {
    const items = makeItems(450);
    const { fetchPage } = fakeUpstream(items, { delayMs: 1 });
    const deleting: FetchPage = async (request, signal) => {
      const result = await fetchPage(request, signal);
      // After the first page, the item where the two ends would meet disappears.
      const at = items.findIndex((item) => item.id === 'msg_000225');
      if (at >= 0) items.splice(at, 1);
      return result;
    };
    const result = await collect(loadConversation(deleting));
    const ids = result.ordered.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(items.map((item) => item.id));
  });

  it('stops, and says so, when the upstream ignores `after` and repeats its page', async () => {
    const items = makeItems(1000);
    let calls = 0;
    // Each order's first page, whatever the cursor says.
    const stuck: FetchPage = async (request) => {
      calls += 1;
      const page = request.order === 'asc' ? items.slice(0, 100) : items.slice(900).reverse();
      return { ok: true, page: { items: page, hasMore: true, lastId: page.at(-1)!.id! } };
    };
    const result = await collect(loadConversation(stuck));
    expect(result.last).toMatchObject({ type: 'error', failure: { status: 502, error: { code: 'upstream_paging_loop' } } });
    expect(calls).toBeLessThanOrEqual(4);
    expect(new Set(result.ordered.map((item) => item.id)).size).toBe(result.ordered.length);
  });

  it('stops on a cursor it has seen before even when the items differ', async () => {
    let n = 0;
    const cycling: FetchPage = async () => {
      n += 1;
      const items = [{ id: `x_${n}`, type: 'message' }];
      return { ok: true, page: { items, hasMore: true, lastId: 'cursor_same' } };
    };
    const result = await collect(loadConversation(cycling));
    expect(result.last).toMatchObject({ type: 'error', failure: { error: { code: 'upstream_paging_loop' } } });
    expect(n).toBeLessThanOrEqual(4);
  });

  it('stops past the page cap', async () => {
    let n = 0;
    const endless: FetchPage = async (request) => {
      n += 1;
      const id = `${request.order}_${n}`;
      return { ok: true, page: { items: [{ id, type: 'message' }], hasMore: true, lastId: id } };
    };
    const result = await collect(loadConversation(endless, { maxPages: 10 }));
    expect(result.last).toMatchObject({ type: 'error', failure: { error: { code: 'upstream_paging_loop' } } });
    expect(n).toBeLessThanOrEqual(21);
  });

  it('resumes from where each end stopped, without repeating what was delivered', async () => {
    const items = makeItems(1000);
    const { fetchPage } = fakeUpstream(items);
    const first = loadConversation(fetchPage);
    const head: LoaderItem[] = [];
    const tail: LoaderItem[] = [];
    for await (const event of first) {
      if (event.type === 'items') (event.end === 'head' ? head : tail).push(...event.items);
      if (head.length >= 200 && tail.length >= 100) break;
    }
    const rest = await collect(loadConversation(fetchPage, { headAfter: head.at(-1)!.id, tailAfter: tail.at(-1)!.id }));
    const ids = [...head, ...rest.head, ...[...rest.tail].reverse(), ...[...tail].reverse()].map((item) => item.id);
    expect(ids).toEqual(items.map((item) => item.id));
  });

  it('passes an upstream error on and stops both ends', async () => {
    const { fetchPage, requests } = fakeUpstream(makeItems(1000));
    const failing: FetchPage = async (request, signal) =>
      request.order === 'asc' && request.after
        ? { ok: false, status: 500, error: { message: 'boom', type: 'server_error', code: null, param: null }, requestId: null, retryAfter: null }
        : fetchPage(request, signal);
    const result = await collect(loadConversation(failing));
    expect(result.last).toMatchObject({ type: 'error', failure: { status: 500 } });
    expect(result.head).toHaveLength(100);
    expect(requests.length).toBeLessThan(10);
  });

  it('fetches at most one page ahead of a consumer that stops reading, and stops paging when it leaves', async () => {
    const { fetchPage, requests } = fakeUpstream(makeItems(5000));
    const events = loadConversation(fetchPage);
    await events.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.length).toBeLessThanOrEqual(6);
    await events.return(undefined);
    const after = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.length).toBe(after);
  });

  it('stops paging when the outer signal aborts', async () => {
    const { fetchPage, requests } = fakeUpstream(makeItems(5000), { delayMs: 2 });
    const controller = new AbortController();
    const seen: LoaderEvent[] = [];
    for await (const event of loadConversation(fetchPage, { signal: controller.signal })) {
      seen.push(event);
      if (seen.length === 3) controller.abort();
    }
    expect(requests.length).toBeLessThan(10);
  });
});
