import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addChunk, addLiveChanges, EMPTY_STREAM } from '../data/streamed-items';
import { itemStreamQueryOptions } from '../api/stream-items';
import { TranscriptIndex } from '../data/transcript-index';
import { IDLE_STOP_MS } from './live-clock';
import { liveStatusText } from './live-status';
import { LiveSwitch } from './live-switch';
import { useLiveUpdates } from './use-live-updates';
import { useTranscript } from '../data/use-transcript';
import type { ConversationItem } from '../types';

const message = (id: string, status = 'completed') => ({ id, type: 'message', role: 'assistant', status, content: 'hi' });

const loadedState = () => addChunk(EMPTY_STREAM, { head: [message('msg_a', 'in_progress')], tail: [], done: true });

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const state = loadedState();
  client.setQueryData(itemStreamQueryOptions('demo', 'conv_1').queryKey, state);
  const index = new TranscriptIndex();
  index.sync(state);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, index, wrapper };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useLiveUpdates', () => {
  it('never polls a transcript that is not from a source', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    vi.stubGlobal('fetch', fetch);
    const { index, wrapper } = setup();
    const { result } = renderHook(() => useLiveUpdates(null, index), { wrapper });
    expect(result.current).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says a conversation loaded whole whose newest items have no IDs cannot be followed, instead of waiting for them', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = setup();
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [{ type: 'message', role: 'user', content: 'no id' }], tail: [], done: true }));
    const { result } = renderHook(() => useLiveUpdates({ source: 'demo', conversationId: 'conv_1' }, index), { wrapper });
    expect(result.current).toMatchObject({ on: true, waiting: false, noIds: true });
    expect(liveStatusText(result.current!, 0)).toBe('Live · cannot follow this conversation: its newest items have no IDs to read on from');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("polls the newest end and writes what changed into the item stream's cache entry, the one the index is fed from", async () => {
    const fetch = vi.fn<(url: string) => Promise<Response>>(async (url: string) => {
      expect(url).toBe('/api/sources/demo/conversations/conv_1/items?order=desc&limit=20');
      return new Response(JSON.stringify({ object: 'list', data: [message('msg_b'), message('msg_a')], first_id: 'msg_b', last_id: 'msg_a', has_more: false }));
    });
    vi.stubGlobal('fetch', fetch);
    const { client, index, wrapper } = setup();
    const { result } = renderHook(() => useLiveUpdates({ source: 'demo', conversationId: 'conv_1' }, index), { wrapper });
    await waitFor(() => expect(result.current?.lastUpdatedAt).not.toBeNull());
    // The hook never writes into the index itself.
    expect(index.orderedItems().map((item) => item.id)).toEqual(['msg_a']);
    const state = client.getQueryData(itemStreamQueryOptions('demo', 'conv_1').queryKey);
    expect(state?.live).toEqual([{ added: [message('msg_b')], changed: [message('msg_a')], removed: [] }]);
    expect(index.sync(state!)).toBe(true);
    expect(index.orderedItems().map((item) => item.id)).toEqual(['msg_a', 'msg_b']);
    expect(index.inProgress.size).toBe(0);
    expect(result.current?.on).toBe(true);
  });

  it('ends a watch whose polls keep failing once it has been quiet long enough, as it ends a quiet one', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify({ error: { message: 'down', type: 'server_error', code: null } }), { status: 500 })));
    const { index, wrapper } = setup();
    // The watch starts now; its first poll fails once the quiet period has passed.
    const realNow = Date.now.bind(Date);
    let later = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + later);
    const { result } = renderHook(() => useLiveUpdates({ source: 'demo', conversationId: 'conv_1' }, index), { wrapper });
    later = IDLE_STOP_MS + 1;
    await waitFor(() => expect(result.current?.on).toBe(false));
    // Its one item is still in progress: the longer of the two quiet periods.
    expect(result.current?.stoppedAfterMinutes).toBe(IDLE_STOP_MS / 60_000);
    // It says so: stopped by failed checks, not by a run gone quiet.
    await waitFor(() => expect(liveStatusText(result.current!, Date.now())).toBe(`Live off · stopped after ${IDLE_STOP_MS / 60_000} min of failed checks (down)`));
  });

  /** A watch whose checks every 30 s find nothing new for the whole quiet period; only the last one fails. */
  async function quietPeriodEndingInAFailure() {
    let failing = false;
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof globalThis.fetch>(async () =>
        failing
          ? new Response(JSON.stringify({ error: { message: 'down', type: 'server_error', code: null } }), { status: 500 })
          : new Response(JSON.stringify({ object: 'list', data: [message('msg_a', 'in_progress')], first_id: 'msg_a', last_id: 'msg_a', has_more: false })),
      ),
    );
    const { client, index, wrapper } = setup();
    const realNow = Date.now.bind(Date);
    let later = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + later);
    const { result } = renderHook(() => useLiveUpdates({ source: 'demo', conversationId: 'conv_1' }, index), { wrapper });
    await waitFor(() => expect(result.current?.lastUpdatedAt).not.toBeNull());
    const live = { queryKey: ['conversations', 'demo', 'conv_1', 'items', 'live'] };
    while (later < IDLE_STOP_MS - 30_000) {
      later += 30_000;
      await client.refetchQueries(live);
    }
    failing = true;
    later += 30_001;
    await client.refetchQueries(live);
    await waitFor(() => expect(result.current?.on).toBe(false));
    return result.current!;
  }

  it('says a watch quiet for its whole period stopped without changes, though its last check failed', async () => {
    const live = await quietPeriodEndingInAFailure();
    expect(liveStatusText(live, Date.now())).toBe(`Live off · stopped after ${IDLE_STOP_MS / 60_000} min without changes`);
  });

  it('gives such a quiet stop a hover text about the quiet stop, not the last check that failed', async () => {
    const live = await quietPeriodEndingInAFailure();
    render(<LiveSwitch live={live} />);
    const status = screen.getByTestId('live-status');
    expect(status.title).toBe(`Live off · stopped after ${IDLE_STOP_MS / 60_000} min without changes`);
    expect(status.title).not.toContain('down');
  });

  /** A conversation of one item that, once the page looks at its newest end, has 400 more: more than a look back reads. */
  function burstUpstream({ newestGone }: { newestGone: boolean }) {
    const burst = Array.from({ length: 400 }, (_, n) => message(`msg_burst_${String(n).padStart(3, '0')}`));
    let grown = false;
    const streams: string[] = [];
    const lines = (items: unknown[]) => `${JSON.stringify({ type: 'items', end: 'head', items })}\n${JSON.stringify({ type: 'done' })}\n`;
    const list = (data: ConversationItem[], hasMore: boolean) => new Response(JSON.stringify({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: hasMore }));
    vi.stubGlobal(
      'fetch',
      vi.fn<(url: string) => Promise<Response>>(async (url: string) => {
        if (url.endsWith('/stream')) {
          streams.push(url);
          return new Response(lines(grown ? [...(newestGone ? [] : [message('msg_a')]), ...burst] : [message('msg_a')]));
        }
        if (url.includes('/items?')) {
          grown = true;
          const query = new URL(url, 'http://viewer').searchParams;
          const after = query.get('after');
          const limit = Number(query.get('limit'));
          if (query.get('order') === 'asc') {
            if (newestGone) return new Response(JSON.stringify({ error: { message: `Item with id '${after}' not found.` } }), { status: 404 });
            const from = after === 'msg_a' ? 0 : burst.findIndex((item) => item.id === after) + 1;
            return list(burst.slice(from, from + limit), from + limit < burst.length);
          }
          const newest = [...burst].reverse();
          const from = after ? newest.findIndex((item) => item.id === after) + 1 : 0;
          return list(newest.slice(from, from + limit), true);
        }
        return new Response(JSON.stringify({ id: 'conv_1', object: 'conversation', created_at: 1 }));
      }),
    );
    return { streams };
  }

  function renderLivePage() {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const counts: number[] = [];
    function Page() {
      const transcript = useTranscript({ kind: 'api', source: 'demo', conversationId: 'conv_1' });
      counts.push(transcript.index.itemCount);
      return transcript.live ? <LiveSwitch live={transcript.live} /> : null;
    }
    render(<Page />, { wrapper });
    return counts;
  }

  it('reads a burst bigger than a check looks back on from the newest item held, in order: the transcript never starts over', async () => {
    const { streams } = burstUpstream({ newestGone: false });
    const counts = renderLivePage();
    await waitFor(() => expect(counts.at(-1)).toBe(401));
    expect(counts.slice(counts.indexOf(1))).not.toContain(0);
    expect(streams).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });

  it('offers Reload when new items follow an item that is gone upstream, and Reload reads the conversation again', async () => {
    const { streams } = burstUpstream({ newestGone: true });
    const counts = renderLivePage();
    await waitFor(() => expect(screen.getByTestId('live-status').textContent).toBe('Live · new items arrived after items gone upstream: reload to read them'));
    expect(counts.at(-1)).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(counts.at(-1)).toBe(400));
    expect(streams).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });

  it("does not poll while the index has not taken in the last poll's changes, which it would otherwise add again", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    vi.stubGlobal('fetch', fetch);
    const { client, index, wrapper } = setup();
    const { queryKey } = itemStreamQueryOptions('demo', 'conv_1');
    client.setQueryData(queryKey, (state) => state && addLiveChanges(state, { added: [message('msg_b')], changed: [], removed: [] }));
    const { result } = renderHook(() => useLiveUpdates({ source: 'demo', conversationId: 'conv_1' }, index), { wrapper });
    await waitFor(() => expect(result.current?.lastUpdatedAt).not.toBeNull());
    expect(fetch).not.toHaveBeenCalled();
    expect(index.hasAppliedLiveChanges(client.getQueryData(queryKey)!)).toBe(false);
  });
});
