import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationItem } from '../../transcript/types';
import type { AlignResponse } from './align-messages';
import { useAlignment } from './use-alignment';

/** The alignment worker, answering each request with `answer` (or a message that cannot be rebuilt, with null). */
function fakeAligner(answer: (id: number) => AlignResponse | null) {
  class FakeWorker {
    onmessage: ((event: { data: AlignResponse }) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    onerror: (() => void) | null = null;
    postMessage(request: { id: number }) {
      queueMicrotask(() => {
        const data = answer(request.id);
        if (data) this.onmessage?.({ data });
        else this.onmessageerror?.();
      });
    }
    terminate() {}
  }
  vi.stubGlobal('Worker', FakeWorker);
}

afterEach(() => vi.unstubAllGlobals());

const runs = { a: [{ id: 'msg_a', type: 'message', role: 'user', content: 'hi' }] as ConversationItem[], b: [] as ConversationItem[] };

describe('aligning two runs in a worker', () => {
  it('fails, rather than aligning for ever, when the answer cannot be rebuilt on the page', async () => {
    fakeAligner(() => null);
    const { result } = renderHook(() => useAlignment(runs));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'failed', message: expect.stringContaining('nested too deep') }));
  });

  it('fails when the worker could not rebuild the request, which names no request', async () => {
    fakeAligner(() => ({ id: null, error: 'The runs could not be handed to the comparison: an item is nested too deep.' }));
    const { result } = renderHook(() => useAlignment(runs));
    await act(async () => undefined);
    await waitFor(() => expect(result.current).toMatchObject({ status: 'failed', message: expect.stringContaining('nested too deep') }));
  });
});
