import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addChunk, EMPTY_STREAM } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import { buildViewRows } from '../list/view-rows';
import { useTranscriptSearch } from './use-transcript-search';

const message = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

function setup(order: 'asc' | 'desc') {
  const index = new TranscriptIndex();
  const texts = ['alpha', 'needle one', 'beta', 'needle two', 'gamma', 'NEEDLE three'];
  index.sync(addChunk(EMPTY_STREAM, { head: texts.map((text, i) => message(`m${i}`, text)), tail: [], done: true }));
  const rows = buildViewRows(index, order, new Set());
  return renderHook(({ query }) => useTranscriptSearch(index, index.version, rows, query), { initialProps: { query: 'needle' } });
}

describe('useTranscriptSearch', () => {
  it('counts matches across all items and steps forward and back, wrapping round', () => {
    const { result } = setup('asc');
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

  it('steps top to bottom in the reader’s order', () => {
    const { result } = setup('desc');
    expect(result.current.matches).toEqual([0, 2, 4]);
    act(() => void result.current.step(1, null));
    expect(result.current.currentRow).toBe(5);
  });

  it('starts at the first match at or below the reader, as "1 of 3", and the next step moves on from it', () => {
    const { result } = setup('asc');
    act(() => void result.current.start(2));
    expect(result.current.currentRow).toBe(3);
    expect(result.current.currentOrdinal).toBe(2);
    act(() => void result.current.step(1, 2));
    expect(result.current.currentRow).toBe(5);
    act(() => void result.current.start(null));
    expect(result.current.currentOrdinal).toBe(1);
  });

  it('forgets the current match when the query changes', () => {
    const { result, rerender } = setup('asc');
    act(() => void result.current.step(1, null));
    rerender({ query: 'gamma' });
    expect(result.current.matches).toEqual([4]);
    expect(result.current.currentRow).toBeNull();
  });
});
