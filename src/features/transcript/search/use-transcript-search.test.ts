import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addChunk, EMPTY_STREAM } from '../data/streamed-items';
import { TextIndexClient } from '../data/text-index-client';
import { TranscriptIndex } from '../data/transcript-index';
import { buildViewRows } from '../list/view-rows';
import { useTranscriptSearch } from './use-transcript-search';

const message = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

async function setup(order: 'asc' | 'desc') {
  const index = new TranscriptIndex();
  const texts = ['alpha', 'needle one', 'beta', 'needle two', 'gamma', 'NEEDLE three'];
  index.sync(addChunk(EMPTY_STREAM, { head: texts.map((text, i) => message(`m${i}`, text)), tail: [], done: true }));
  const rows = buildViewRows(index, order, new Set());
  const textIndex = new TextIndexClient(index);
  const hook = renderHook(({ query }) => useTranscriptSearch(index, index.version, rows, query, textIndex), { initialProps: { query: 'needle' } });
  await waitFor(() => expect(hook.result.current.matches.length).toBe(3));
  return hook;
}

describe('useTranscriptSearch', () => {
  it('counts matches across all items, found by the text index, and steps forward and back, wrapping round', async () => {
    const { result } = await setup('asc');
    expect(result.current.matches).toEqual([1, 3, 5]);
    expect(result.current.currentOrdinal).toBe(0);
    act(() => void result.current.step(1, 2));
    expect(result.current.currentRow).toBe(3);
    expect(result.current.currentOrdinal).toBe(2);
    act(() => void result.current.step(1, null));
    act(() => void result.current.step(1, null));
    expect(result.current.currentRow).toBe(1);
    act(() => void result.current.step(-1, null));
    expect(result.current.currentRow).toBe(5);
  });

  it('steps top to bottom in the reader’s order', async () => {
    const { result } = await setup('desc');
    expect(result.current.matches).toEqual([0, 2, 4]);
    act(() => void result.current.step(1, null));
    expect(result.current.currentRow).toBe(5);
  });

  it('starts at the first match at or below the reader, as "1 of 3", and the next step moves on from it', async () => {
    const { result } = await setup('asc');
    act(() => void result.current.start(2));
    expect(result.current.currentRow).toBe(3);
    expect(result.current.currentOrdinal).toBe(2);
    act(() => void result.current.step(1, 2));
    expect(result.current.currentRow).toBe(5);
    act(() => void result.current.start(null));
    expect(result.current.currentOrdinal).toBe(1);
  });

  it('forgets the current match when the query changes', async () => {
    const { result, rerender } = await setup('asc');
    act(() => void result.current.step(1, null));
    rerender({ query: 'gamma' });
    await waitFor(() => expect(result.current.matches).toEqual([4]));
    expect(result.current.currentRow).toBeNull();
  });
});
