import { describe, expect, it, vi } from 'vitest';
import { addChunk, addLiveChanges, EMPTY_STREAM, type LiveChanges } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import type { ConversationItem } from '../types';
import { LiveClock } from './live-clock';
import { MAX_ITEM_GETS, readNewest, runLivePoll, type LiveApi } from './poll-live';

const message = (id: string | undefined, status = 'completed'): ConversationItem => ({ ...(id ? { id } : {}), type: 'message', role: 'assistant', status, content: 'hi' });

function loaded(items: ConversationItem[]) {
  const index = new TranscriptIndex();
  index.sync(addChunk(EMPTY_STREAM, { head: items, tail: [], done: true }));
  return index;
}

/** An upstream whose newest page is `newest` (newest first) and whose items stay as they are. */
function api(newest: ConversationItem[], hasMore = false) {
  const got: string[] = [];
  const live: LiveApi = {
    listItems: vi.fn<LiveApi['listItems']>(async () => ({ object: 'list' as const, data: newest, first_id: newest[0]?.id ?? null, last_id: newest.at(-1)?.id ?? null, has_more: hasMore })),
    getItem: vi.fn<LiveApi['getItem']>(async (_source, _conversation, id) => (got.push(id), message(id, 'in_progress'))),
  };
  return { live, got };
}

describe('live polls', () => {
  it('take the items in progress in turns, so none waits for good behind others that stay in progress', async () => {
    const inProgress = ['msg_0', 'msg_1', 'msg_2', 'msg_3', 'msg_4'].map((id) => message(id, 'in_progress'));
    const index = loaded([...inProgress, ...Array.from({ length: 25 }, (_, n) => message(`msg_new_${n}`))]);
    const { live, got } = api(Array.from({ length: 20 }, (_, n) => message(`msg_new_${24 - n}`)));
    for (let poll = 0; poll < 3; poll += 1) await readNewest(live, 'demo', 'conv_1', index);
    expect(got).toHaveLength(3 * MAX_ITEM_GETS);
    expect(new Set(got)).toEqual(new Set(inProgress.map((item) => item.id)));
  });

  it('count a poll that is catching up (more new items than it reads) as a change, so the live view does not stop as idle', async () => {
    const index = loaded([message('msg_old')]);
    const { live } = api(Array.from({ length: 100 }, (_, n) => message(`msg_burst_${n}`)), true);
    const clock = new LiveClock(0);
    const succeeded = vi.spyOn(clock, 'succeeded');
    const result = await runLivePoll(live, { source: 'demo', conversationId: 'conv_1' }, index, clock, () => undefined, undefined, () => 1000);
    expect(result).toMatchObject({ behind: false, catchingUp: true });
    expect(succeeded).toHaveBeenCalledWith(1000, expect.objectContaining({ changed: true }));
  });

  it('read up to the newest item that has an ID when the newest has none', () => {
    expect(loaded([message('msg_a'), message('msg_b'), message(undefined)]).newestId).toBe('msg_b');
    expect(loaded([message(undefined)]).newestId).toBeUndefined();
  });

  it('read on past a page whose last item has no ID, and mark nothing gone because of it', async () => {
    const held = Array.from({ length: 50 }, (_, n) => message(`msg_${n}`));
    let state = addChunk(EMPTY_STREAM, { head: held, tail: [], done: true });
    const index = new TranscriptIndex();
    index.sync(state);
    // 25 new items; the newest page of 20 ends with one that has no ID (and so no `last_id`).
    const fresh = Array.from({ length: 25 }, (_, n) => message(`msg_${50 + n}`));
    fresh[5] = { type: 'custom_tool_call', call_id: 'call_1', name: 'grep', input: 'x' };
    const upstream = paged([...held, ...fresh]);
    const commit = (changes: LiveChanges) => index.sync((state = addLiveChanges(state, changes)));
    const result = await runLivePoll(upstream, { source: 'demo', conversationId: 'conv_1' }, index, new LiveClock(0), commit, undefined, () => 1000);
    expect(index.removedCount).toBe(0);
    expect(result).toMatchObject({ behind: false });
    expect(index.newestIds(25)).toEqual(fresh.filter((item) => item.id).map((item) => item.id).reverse().concat(['msg_49']));
  });

  it('take an empty page that says there is more as more, not as the start: nothing held is marked gone', async () => {
    const index = loaded(Array.from({ length: 5 }, (_, n) => message(`msg_${n}`)));
    const { live } = api([], true);
    const read = await readNewest(live, 'demo', 'conv_1', index);
    expect(read.hasMore).toBe(true);
    const result = await runLivePoll(live, { source: 'demo', conversationId: 'conv_1' }, index, new LiveClock(0), () => undefined, undefined, () => 1000);
    expect(index.removedCount).toBe(0);
    expect(result.added).toBe(0);
  });
});

/** An upstream holding `items` (oldest first) that pages them by `after` in either order, as the API does. */
function paged(items: ConversationItem[]): LiveApi {
  return {
    listItems: async (_source, _conversation, { order, limit, after }) => {
      const list = order === 'desc' ? [...items].reverse() : items;
      const start = after ? list.findIndex((item) => item.id === after) + 1 : 0;
      const data = list.slice(start, start + limit);
      return { object: 'list' as const, data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < list.length };
    },
    getItem: async () => {
      throw new Error('not asked for');
    },
  };
}

