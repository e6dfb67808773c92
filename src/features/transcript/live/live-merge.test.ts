import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { addChunk, addLiveChanges, EMPTY_STREAM, type LiveChanges, type StreamedItems } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import { findMatches } from '../../../test/find-matches';
import type { ConversationItem, ItemPage } from '../types';
import { LiveClock, MIN_DELAY_MS } from './live-clock';
import { planLiveMerge } from './live-merge';
import { ANCHOR_TRIES, CATCH_UP_PAGES, MAX_PAGES, runLivePoll, type LiveApi } from './poll-live';

const message = (n: number, text = `text ${n}`, status = 'completed'): ConversationItem => ({
  id: `msg_${n}`,
  type: 'message',
  role: n % 2 ? 'assistant' : 'user',
  status,
  content: [{ type: 'output_text', text }],
});

const commits = new WeakMap<TranscriptIndex, (changes: LiveChanges) => void>();

/** An index that loaded `count` items completely, as the stream delivers them (head only), and is fed as the page feeds it. */
function loaded(items: ConversationItem[]) {
  return fed(addChunk(EMPTY_STREAM, { head: items, tail: [], done: true }));
}

function fed(first: StreamedItems) {
  const index = new TranscriptIndex();
  let state = first;
  index.sync(state);
  commits.set(index, (changes) => {
    state = addLiveChanges(state, changes);
    expect(index.sync(state)).toBe(true);
  });
  return index;
}

/** Where a poll's changes go: into the state the index is fed from, as the item stream's cache entry does. */
const commitTo = (index: TranscriptIndex) => commits.get(index)!;

/** A fake upstream holding `items` (oldest first), paging like the Conversations API. */
function upstream(items: () => ConversationItem[], fail: () => unknown = () => null) {
  const calls: string[] = [];
  const api: LiveApi = {
    async listItems(_source, _id, { order, limit, after }) {
      calls.push(`list ${order} ${limit} ${after ?? ''}`.trim());
      const error = fail();
      if (error) throw error;
      const all = order === 'desc' ? [...items()].reverse() : items();
      const start = after ? all.findIndex((item) => item.id === after) + 1 : 0;
      if (after && start === 0) throw new ApiError(`Item with id '${after}' not found.`, { status: 404 });
      const data = all.slice(start, start + limit);
      return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < all.length } satisfies ItemPage;
    },
    async getItem(_source, _id, itemId) {
      calls.push(`get ${itemId}`);
      const error = fail();
      if (error) throw error;
      const item = items().find((candidate) => candidate.id === itemId);
      if (!item) throw new ApiError('No such item.', { status: 404 });
      return item;
    },
  };
  return { api, calls };
}

const target = { source: 'demo', conversationId: 'conv_live' };
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => message(from + i));
const ids = (index: TranscriptIndex) => index.orderedItems().map((item) => item.id);

describe('live merge', () => {
  it('appends new items after the newest held one, in order, without changing any existing key', async () => {
    const index = loaded(range(0, 30));
    const keyOfFirst = TranscriptIndex.keyOf(index.slotAt(0));
    let items = range(0, 30);
    const { api, calls } = upstream(() => items);
    items = range(0, 33);
    const result = await runLivePoll(api, target, index, new LiveClock(0), commitTo(index), undefined, () => 1000);
    expect(result.added).toBe(3);
    expect(ids(index).slice(-4)).toEqual(['msg_29', 'msg_30', 'msg_31', 'msg_32']);
    expect(TranscriptIndex.keyOf(index.slotAt(32))).toBe('l2');
    expect(TranscriptIndex.keyOf(index.slotAt(0))).toBe(keyOfFirst);
    expect(index.rowOfId('msg_32')).toBe(32);
    expect(findMatches(index, 'text 31')).toEqual([31]);
    expect(calls).toEqual(['list desc 20']);
  });

  it('pages back until it reaches an item held; a burst larger than that look is read on from the newest item held, in order', async () => {
    const index = loaded(range(0, 5));
    let items = range(0, 60);
    const { api, calls } = upstream(() => items);
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(index.itemCount).toBe(60);
    expect(calls).toEqual(['list desc 20', 'list desc 100 msg_40']);

    // 420 new items: more than the look back's 320.
    calls.length = 0;
    const keyOfFirst = TranscriptIndex.keyOf(index.slotAt(0));
    items = range(0, 60 + 20 + 100 * MAX_PAGES);
    const result = await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(result).toEqual({ added: 420, behind: false, catchingUp: false });
    expect(ids(index)).toEqual(items.map((item) => item.id));
    expect(TranscriptIndex.keyOf(index.slotAt(0))).toBe(keyOfFirst);
    expect(calls.slice(MAX_PAGES)).toEqual(['list asc 100 msg_59', 'list asc 100 msg_159', 'list asc 100 msg_259', 'list asc 100 msg_359', 'list asc 100 msg_459']);
    expect(findMatches(index, 'text 479')).toEqual([479]);
  });

  it('reads a burst bigger than one catch-up over several polls, each placing its stretch in order, looking back one page while it does', async () => {
    const index = loaded(range(0, 3));
    const items = range(0, 3 + 2_500);
    const { api, calls } = upstream(() => items);
    const clock = new LiveClock(0);
    const polls = [];
    for (let poll = 0; poll < 3; poll += 1) polls.push(await runLivePoll(api, target, index, clock, commitTo(index)));
    expect(polls).toEqual([
      { added: 100 * CATCH_UP_PAGES, behind: false, catchingUp: true },
      { added: 100 * CATCH_UP_PAGES, behind: false, catchingUp: true },
      { added: 500, behind: false, catchingUp: false },
    ]);
    expect(ids(index)).toEqual(items.map((item) => item.id));
    // While it reads on, a poll looks back one page (the newest end is far past what is held), then reads on.
    const second = calls.indexOf('list asc 100 msg_1002') - 1;
    expect(calls.slice(second, second + 2)).toEqual(['list desc 20', 'list asc 100 msg_1002']);
    // Each poll's look back now reaches an item held: nothing is left to catch up.
    expect(await runLivePoll(api, target, index, clock, commitTo(index))).toEqual({ added: 0, behind: false, catchingUp: false });
  });

  it('keeps the pages a catch-up read before a failure, and reads on after them at the next poll', async () => {
    const index = loaded(range(0, 3));
    const items = range(0, 3 + 800);
    let asked = 0;
    const { api } = upstream(
      () => items,
      () => (asked++ === MAX_PAGES + 3 ? new ApiError('The server had an error.', { status: 500 }) : null),
    );
    const clock = new LiveClock(0);
    const succeeded = vi.spyOn(clock, 'succeeded');
    expect(await runLivePoll(api, target, index, clock, commitTo(index))).toEqual({ added: 300, behind: false, catchingUp: true });
    expect(succeeded).toHaveBeenLastCalledWith(expect.any(Number), { changed: true, requests: MAX_PAGES + 4 });
    expect(await runLivePoll(api, target, index, clock, commitTo(index))).toEqual({ added: 500, behind: false, catchingUp: false });
    expect(ids(index)).toEqual(items.map((item) => item.id));
  });

  it('reads a burst on from an older item held when the newest are gone upstream, marking those removed', async () => {
    const index = loaded(range(0, 10));
    // msg_9 is gone: the burst is read on from msg_8, and the held items among what follows are left out.
    const items = [...range(0, 9), ...range(10, 500)];
    const { api, calls } = upstream(() => items);
    const result = await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(result).toEqual({ added: 490, behind: false, catchingUp: false });
    expect(calls.slice(MAX_PAGES)).toEqual(['list asc 100 msg_9', 'list asc 100 msg_8', 'list asc 100 msg_109', 'list asc 100 msg_209', 'list asc 100 msg_309', 'list asc 100 msg_409']);
    expect(ids(index)).toEqual([...range(0, 10), ...range(10, 500)].map((item) => item.id));
    expect(index.isRemoved('msg_9')).toBe(true);
    expect(index.isRemoved('msg_8')).toBe(false);
  });

  it('asks for a reload when every item it could read on from is gone, and reads on from older ones at the next poll', async () => {
    const index = loaded(range(0, 10));
    const items = [...range(0, 10 - ANCHOR_TRIES), ...range(10, 500)];
    const { api, calls } = upstream(() => items);
    const clock = new LiveClock(0);
    const succeeded = vi.spyOn(clock, 'succeeded');
    expect(await runLivePoll(api, target, index, clock, commitTo(index))).toEqual({ added: 0, behind: true, catchingUp: false });
    expect(calls.slice(MAX_PAGES)).toEqual(['list asc 100 msg_9', 'list asc 100 msg_8', 'list asc 100 msg_7']);
    // The requests that found items gone count towards the spacing of the next poll too.
    expect(succeeded).toHaveBeenLastCalledWith(expect.any(Number), { changed: true, requests: MAX_PAGES + ANCHOR_TRIES });
    expect(index.itemCount).toBe(10);
    expect(['msg_9', 'msg_8', 'msg_7'].map((id) => index.isRemoved(id))).toEqual([true, true, true]);
    // Marked gone, they are passed over: the next poll reads on from the newest item the upstream still has.
    expect(await runLivePoll(api, target, index, clock, commitTo(index))).toEqual({ added: 490, behind: false, catchingUp: false });
  });

  it('asks for a reload, once, when reading on finds nothing though the newest end holds items not held', async () => {
    const index = loaded(range(0, 5));
    const items = range(0, 500);
    const { api, calls } = upstream(() => items);
    // An upstream that answers a cursor it does not know with an empty page.
    const emptyOnward: LiveApi = { ...api, listItems: async (source, id, query, signal) => (query.order === 'asc' ? { object: 'list', data: [], first_id: null, last_id: null, has_more: false } : api.listItems(source, id, query, signal)) };
    const clock = new LiveClock(0);
    const succeeded = vi.spyOn(clock, 'succeeded');
    expect(await runLivePoll(emptyOnward, target, index, clock, commitTo(index))).toEqual({ added: 0, behind: true, catchingUp: false });
    expect(index.itemCount).toBe(5);
    expect(succeeded).toHaveBeenLastCalledWith(expect.any(Number), expect.objectContaining({ changed: true }));
    expect(calls).toHaveLength(MAX_PAGES);
    // Not tried again from the same item, and no longer a change: a watch that can only wait for Reload can stop.
    expect(await runLivePoll(emptyOnward, target, index, clock, commitTo(index))).toEqual({ added: 0, behind: true, catchingUp: false });
    expect(calls).toHaveLength(2 * MAX_PAGES);
    expect(succeeded).toHaveBeenLastCalledWith(expect.any(Number), { changed: false, requests: MAX_PAGES });
  });

  it('replaces a changed item in its slot: same row and key, new text, kind and search text', () => {
    const index = loaded(range(0, 3));
    const before = index.version;
    const edited = message(1, 'rewritten answer');
    const merge = planLiveMerge(index, { newest: [message(2), edited, message(0)], hasMore: false, items: new Map() });
    expect(merge).toMatchObject({ added: [], removed: [], changed: [edited] });
    commitTo(index)(merge);
    expect(index.version).toBeGreaterThan(before);
    expect(index.rowOfId('msg_1')).toBe(1);
    expect(TranscriptIndex.keyOf(index.slotAt(1))).toBe('h1');
    expect(index.itemAt(index.slotAt(1)!)).toBe(edited);
    expect(findMatches(index, 'rewritten')).toEqual([1]);
    expect(findMatches(index, 'text 1')).toEqual([]);
  });

  it('marks items the upstream no longer lists as removed, keeping them in place', async () => {
    const index = loaded(range(0, 6));
    const items = range(0, 6).filter((item) => item.id !== 'msg_4');
    const { api } = upstream(() => items);
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(index.isRemoved('msg_4')).toBe(true);
    expect(index.isRemoved('msg_3')).toBe(false);
    expect(ids(index)).toContain('msg_4');
    expect(index.itemCount).toBe(6);
  });

  it('follows a tool call whose own status says it is under way (a web search searching) until it is done', async () => {
    const search = { id: 'ws_1', type: 'web_search_call', status: 'searching' } as ConversationItem;
    const items = [search, ...range(1, 40)];
    const index = loaded(items);
    expect([...index.inProgress]).toEqual(['ws_1']);
    const live = [{ ...search, status: 'completed' }, ...range(1, 40)];
    const { api, calls } = upstream(() => live);
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(calls).toContain('get ws_1');
    expect(index.inProgress.size).toBe(0);
  });

  it('follows an in_progress item until it finishes: by GET when it is older than the newest page, and 404 means removed', async () => {
    const items = [message(0, 'working…', 'in_progress'), message(1, 'other', 'in_progress'), ...range(2, 40)];
    const index = loaded(items);
    expect([...index.inProgress]).toEqual(['msg_0', 'msg_1']);
    const live = [...items];
    const { api, calls } = upstream(() => live);
    live[0] = message(0, 'finished answer');
    live.splice(1, 1);
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(calls).toEqual(['list desc 20', 'get msg_0', 'get msg_1']);
    expect(index.itemAt(index.slotAt(0)!).status).toBe('completed');
    expect(findMatches(index, 'finished answer')).toEqual([0]);
    expect(index.isRemoved('msg_1')).toBe(true);
    expect(index.inProgress.size).toBe(0);

    calls.length = 0;
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(calls).toEqual(['list desc 20']);
  });

  it('an in_progress item among the newest finishes in place from the page itself', async () => {
    const index = loaded([message(0), message(1, 'thinking', 'in_progress')]);
    const live = [message(0), message(1, 'done thinking')];
    const { api, calls } = upstream(() => live);
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(calls).toEqual(['list desc 20']);
    expect(index.inProgress.size).toBe(0);
    expect(index.itemAt(index.slotAt(1)!)).toMatchObject({ status: 'completed' });
  });

  it('a poll that fails changes nothing and waits as long as a 429 asks', async () => {
    const index = loaded(range(0, 3));
    const before = { version: index.version, ids: ids(index) };
    const { api } = upstream(
      () => range(0, 5),
      () => new ApiError('Rate limit reached.', { status: 429, retryAfterSeconds: 45 }),
    );
    const clock = new LiveClock(0);
    await expect(runLivePoll(api, target, index, clock, commitTo(index), undefined, () => 10_000)).rejects.toThrow('Rate limit');
    expect(index.version).toBe(before.version);
    expect(ids(index)).toEqual(before.ids);
    expect(clock.nextDelay(10_000)).toBe(45_000);
  });

  it('another failure backs off, and the next poll that works catches up', async () => {
    const index = loaded(range(0, 3));
    let broken = true;
    const { api } = upstream(
      () => range(0, 4),
      () => (broken ? new ApiError('Bad gateway', { status: 502 }) : null),
    );
    const clock = new LiveClock(0);
    await expect(runLivePoll(api, target, index, clock, commitTo(index), undefined, () => 0)).rejects.toThrow('Bad gateway');
    expect(clock.nextDelay(0)).toBe(MIN_DELAY_MS * 2);
    broken = false;
    await runLivePoll(api, target, index, clock, commitTo(index), undefined, () => 6_000);
    expect(index.itemCount).toBe(4);
    expect(clock.nextDelay(6_000)).toBe(MIN_DELAY_MS);
  });

  it('new items go after a tail that is still loading, and a conversation that was empty fills up', async () => {
    const index = fed(addChunk(EMPTY_STREAM, { head: [message(0)], tail: [message(9), message(8)], done: false }));
    const { api } = upstream(() => [message(0), message(8), message(9), message(10)]);
    await runLivePoll(api, target, index, new LiveClock(0), commitTo(index));
    expect(index.rowOfId('msg_10')).toBe(index.rowCount - 1);
    expect(index.gapRow).toBe(1);
    expect(index.slotAt(index.rowCount - 1)).toEqual({ end: 'live', offset: 0 });

    const empty = loaded([]);
    expect(empty.newestId).toBeNull();
    await runLivePoll(upstream(() => range(0, 2)).api, target, empty, new LiveClock(0), commitTo(empty));
    expect(ids(empty)).toEqual(['msg_0', 'msg_1']);
  });
});
