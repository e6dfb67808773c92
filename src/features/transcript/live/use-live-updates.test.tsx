import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addChunk, EMPTY_STREAM } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import { useLiveUpdates } from './use-live-updates';

const message = (id: string, status = 'completed') => ({ id, type: 'message', role: 'assistant', status, content: 'hi' });

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function loadedIndex() {
  const index = new TranscriptIndex();
  index.sync(addChunk(EMPTY_STREAM, { head: [message('msg_a', 'in_progress')], tail: [], done: true }));
  return index;
}

afterEach(() => vi.unstubAllGlobals());

describe('useLiveUpdates', () => {
  it('never polls a transcript that is not from a source', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    vi.stubGlobal('fetch', fetch);
    const { result } = renderHook(() => useLiveUpdates(null, loadedIndex()), { wrapper });
    expect(result.current).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('polls the newest end of a transcript from a source and merges what changed', async () => {
    const fetch = vi.fn<(url: string) => Promise<Response>>(async (url: string) => {
      expect(url).toBe('/api/sources/demo/conversations/conv_1/items?order=desc&limit=20');
      return new Response(JSON.stringify({ object: 'list', data: [message('msg_b'), message('msg_a')], first_id: 'msg_b', last_id: 'msg_a', has_more: false }));
    });
    vi.stubGlobal('fetch', fetch);
    const index = loadedIndex();
    const { result } = renderHook(() => useLiveUpdates({ source: 'demo', conversationId: 'conv_1' }, index), { wrapper });
    await waitFor(() => expect(result.current?.lastUpdatedAt).not.toBeNull());
    expect(index.orderedItems().map((item) => item.id)).toEqual(['msg_a', 'msg_b']);
    expect(index.inProgress.size).toBe(0);
    expect(result.current?.version).toBe(index.version);
    expect(result.current?.on).toBe(true);
  });
});
