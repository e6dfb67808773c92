import { describe, expect, it, vi } from 'vitest';
import { addChunk, EMPTY_STREAM } from '../data/streamed-items';
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
});
