import OpenAI, { NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { addChunk, addLiveChanges, EMPTY_STREAM, type LiveChanges } from '../../features/transcript/data/streamed-items.ts';
import { TranscriptIndex } from '../../features/transcript/data/transcript-index.ts';
import { LiveClock } from '../../features/transcript/live/live-clock.ts';
import { runLivePoll, type LiveApi } from '../../features/transcript/live/poll-live.ts';
import type { ConversationItem } from '../../features/transcript/types.ts';
import { createApiApp } from './api-routes.ts';
import { startFaultUpstream } from '../testing/fault-upstream.ts';
import { listen } from '../http/listen.ts';

const STEP_MS = 400;
let upstream: Awaited<ReturnType<typeof startFaultUpstream>>;
let viewer: Awaited<ReturnType<typeof listen>>;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFaultUpstream(0, { growStepMs: STEP_MS });
  const app = createApiApp({ sources: [{ id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: 'sk-test-live-0001' }] });
  viewer = await listen(app.fetch, '127.0.0.1', 0);
  client = new OpenAI({ baseURL: `${viewer.url}/api/sources/openai`, apiKey: 'unused', maxRetries: 0 });
});
afterAll(async () => {
  await viewer.close();
  await upstream.close();
});

/** The live poll's two requests, made with the official SDK through the viewer. */
const sdkApi = (): LiveApi => ({
  async listItems(_source, conversationId, { order, limit, after }) {
    const page = await client.conversations.items.list(conversationId, { order, limit, ...(after ? { after } : {}) });
    return { object: 'list', data: page.data as unknown as ConversationItem[], first_id: page.data[0]?.id ?? null, last_id: page.last_id, has_more: page.has_more };
  },
  async getItem(_source, conversationId, itemId) {
    try {
      return (await client.conversations.items.retrieve(itemId, { conversation_id: conversationId })) as unknown as ConversationItem;
    } catch (error) {
      if (error instanceof NotFoundError) throw new ApiError(error.message, { status: 404 });
      throw error;
    }
  },
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('polling a conversation that grows, through the viewer', () => {
  it('sees the answer finish, new items arrive and a deleted item go, with one list request per poll', async () => {
    const conversationId = 'conv_fault_growinglong_sdk';
    const first = await client.conversations.items.list(conversationId, { order: 'asc', limit: 100 });
    const index = new TranscriptIndex();
    let state = addChunk(EMPTY_STREAM, { head: first.data as unknown as ConversationItem[], tail: [], done: true });
    index.sync(state);
    expect(index.itemCount).toBe(62);
    expect([...index.inProgress]).toEqual(['msg_answer']);
    const before = upstream.requests.length;

    await wait(STEP_MS * 2 + 100);
    const commit = (changes: LiveChanges) => {
      state = addLiveChanges(state, changes);
      index.sync(state);
    };
    await runLivePoll(sdkApi(), { source: 'openai', conversationId }, index, new LiveClock(0), commit);
    expect(upstream.requests.slice(before).map((request) => request.url)).toEqual([`/v1/conversations/${conversationId}/items?limit=20&order=desc`]);
    expect(index.orderedItems().slice(-5).map((item) => item.id)).toEqual(['msg_question', 'msg_answer', 'msg_new_1', 'msg_new_2', 'msg_new_3']);
    expect(index.itemAt(index.slotAt(index.rowOfId('msg_answer')!)!).status).toBe('completed');
    expect(index.isRemoved('msg_question')).toBe(true);
    expect(index.inProgress.size).toBe(0);
  });
});
