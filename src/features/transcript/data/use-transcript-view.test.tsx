import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ItemKind } from '../lib/item-filter';
import type { ConversationItem } from '../types';
import type { TranscriptOrigin } from './use-transcript';
import { useTranscriptView, type TranscriptViewSettings } from './use-transcript-view';

const items: ConversationItem[] = [
  { id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Find the weather in Paris' }] },
  { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}', status: 'completed' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: '{"error":"upstream timed out"}', status: 'incomplete' },
  { id: 'msg_2', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'It is sunny in Paris.' }] },
];

const origin: TranscriptOrigin = {
  kind: 'file',
  name: 'run.json',
  conversationId: 'conv_1',
  conversation: { id: 'conv_1', object: 'conversation', created_at: 1 },
  items: { pages: [items], complete: true, version: 1, subscribe: () => () => undefined },
};

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

const settings = (overrides: Partial<TranscriptViewSettings> = {}): TranscriptViewSettings => ({ order: 'asc', hidden: new Set<ItemKind>(), query: '', compact: false, ...overrides });

const shownIds = (view: ReturnType<typeof useTranscriptView>) =>
  Array.from({ length: view.rows.count }, (_, i) => {
    const slot = view.transcript.index.slotAt(view.rows.rowAt(i));
    return slot ? view.transcript.index.itemAt(slot).id : 'gap';
  });

describe('useTranscriptView', () => {
  it('shows every row of an origin, a call with its output in one row, newest first when asked', () => {
    const { result, rerender } = renderHook((props: TranscriptViewSettings) => useTranscriptView(origin, props), { wrapper, initialProps: settings() });
    expect(result.current.transcript.load.state).toBe('complete');
    expect(shownIds(result.current)).toEqual(['msg_1', 'fc_1', 'msg_2']);
    rerender(settings({ order: 'desc' }));
    expect(shownIds(result.current)).toEqual(['msg_2', 'fc_1', 'msg_1']);
  });

  it('leaves out hidden kinds, shows only failures when asked, and reveals a hidden row the reader asked for', () => {
    const { result, rerender } = renderHook((props: TranscriptViewSettings) => useTranscriptView(origin, props), { wrapper, initialProps: settings({ hidden: new Set<ItemKind>(['tools']) }) });
    expect(shownIds(result.current)).toEqual(['msg_1', 'msg_2']);
    act(() => result.current.reveal(1));
    expect(shownIds(result.current)).toEqual(['msg_1', 'fc_1', 'msg_2']);
    expect(result.current.revealed.size).toBe(1);
    rerender(settings());
    act(() => result.current.setFailuresOnly(true));
    expect(shownIds(result.current)).toEqual(['fc_1']);
  });

  it("shows one tool's calls when asked, and with Failures only the failed ones among them", () => {
    const more: ConversationItem[] = [
      ...items,
      { id: 'fc_2', type: 'function_call', call_id: 'call_2', name: 'get_weather', arguments: '{"city":"Oslo"}', status: 'completed' },
      { id: 'fco_2', type: 'function_call_output', call_id: 'call_2', output: '{"temp":3}' },
      { id: 'fc_3', type: 'function_call', call_id: 'call_3', name: 'get_time', arguments: '{}', status: 'completed' },
    ];
    const run: TranscriptOrigin = { ...origin, items: { pages: [more], complete: true, version: 1, subscribe: () => () => undefined } } as TranscriptOrigin;
    const { result, rerender } = renderHook((props: TranscriptViewSettings) => useTranscriptView(run, props), { wrapper, initialProps: settings({ tool: 'get_weather' }) });
    expect(shownIds(result.current)).toEqual(['fc_1', 'fc_2']);
    expect(result.current.only?.size).toBe(2);
    act(() => result.current.setFailuresOnly(true));
    expect(shownIds(result.current)).toEqual(['fc_1']);
    rerender(settings({ tool: 'get_time' }));
    expect(shownIds(result.current)).toEqual([]);
    // A row the reader asks for (a failure stepped to, a link) shows though the tool filter leaves it out.
    act(() => result.current.reveal(result.current.transcript.index.rowOfId('fc_1')!));
    expect(shownIds(result.current)).toEqual(['fc_1']);
    act(() => result.current.setFailuresOnly(false));
    rerender(settings({ tool: null }));
    expect(shownIds(result.current)).toEqual(['msg_1', 'fc_1', 'msg_2', 'fc_2', 'fc_3']);
    expect(result.current.only).toBeNull();
  });

  it('searches every item and counts its tokens off the rows', async () => {
    const { result } = renderHook((props: TranscriptViewSettings) => useTranscriptView(origin, props), { wrapper, initialProps: settings({ query: 'timed out' }) });
    // The output matches as its call's row.
    await waitFor(() => expect(result.current.search.matches).toEqual([1]));
    // The tokenizer loads on first use; a busy machine takes a while.
    await waitFor(() => expect(result.current.tokens.done).toBe(true), { timeout: 15_000 });
    expect(result.current.tokens.counts.byId.get('msg_2')).toBeGreaterThan(0);
    expect(result.current.runSummary.failureRows).toEqual([1]);
  });

  describe('a long run', () => {
    afterEach(() => vi.restoreAllMocks());

    it('is read a slice per render, and reads complete only once every item is in', async () => {
      const many: ConversationItem[] = Array.from({ length: 400 }, (_, i) => ({ id: `msg_${i}`, type: 'message', role: i % 2 ? 'assistant' : 'user', status: 'completed', content: [{ type: 'output_text', text: `item ${i}` }] }));
      const long: TranscriptOrigin = { ...origin, items: { pages: [many], complete: true, version: 1, subscribe: () => () => undefined } };
      // A slow machine: the clock moves on a millisecond each time it is read, so no render can read all 400 items.
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
      const seen: { count: number; state: string }[] = [];
      const { result } = renderHook(() => {
        const view = useTranscriptView(long, settings());
        seen.push({ count: view.transcript.index.itemCount, state: view.transcript.load.state });
        return view;
      }, { wrapper });
      await waitFor(() => expect(result.current.transcript.load.state).toBe('complete'));
      expect(result.current.transcript.index.itemCount).toBe(400);
      expect(shownIds(result.current)).toHaveLength(400);
      // The run summary follows in slices of its own.
      await waitFor(() => expect(result.current.runSummary.turnRows).toHaveLength(200));
      const partial = seen.filter((render) => render.count > 0 && render.count < 400);
      // The render that shows the first rows reads a smaller slice than those after it.
      const first = partial[0].count;
      const second = partial.find((render) => render.count > first)!.count;
      expect(first).toBeLessThan(second - first);
      expect(partial.length).toBeGreaterThan(0);
      // Still loading, not stopped: nothing offers to load the rest while the index catches up.
      expect(partial.every((render) => render.state === 'loading')).toBe(true);
    });
  });
});
