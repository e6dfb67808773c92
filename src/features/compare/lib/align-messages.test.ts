import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../transcript/types';
import { postAlignRequest, receivedAlignRequest, type PostedAlignRequest } from './align-messages';

/** A worker's port as the page sees it: what is posted goes through a structured clone, which has a depth limit. */
function port() {
  const received: PostedAlignRequest[] = [];
  return { received, postMessage: (message: unknown) => void received.push(structuredClone(message) as PostedAlignRequest) };
}

const message = (id: string, extra?: unknown): ConversationItem => ({ id, type: 'message', role: 'user', content: 'hi', ...(extra ? { extra } : {}) });

describe('handing two runs to the comparison worker', () => {
  it('posts the runs as they are where a structured clone takes them', () => {
    const to = port();
    postAlignRequest(to, { id: 1, a: [message('msg_a')], b: [message('msg_b')], leftOut: ['reasoning'] });
    expect(to.received[0]).toEqual({ id: 1, a: [message('msg_a')], b: [message('msg_b')], leftOut: ['reasoning'] });
  });

  it('posts runs holding an item nested too deep for a structured clone as JSON text, read back whole', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 50_000; level += 1) deep = { a: deep };
    const to = port();
    postAlignRequest(to, { id: 2, a: [message('msg_deep', deep)], b: [message('msg_b')] });
    expect(to.received[0]).toEqual({ id: 2, json: expect.any(String) });
    const request = receivedAlignRequest(to.received[0]);
    expect(request.id).toBe(2);
    expect(request.a[0].id).toBe('msg_deep');
    expect(request.b).toEqual([message('msg_b')]);
  });
});
