import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addChunk, addLiveChanges, EMPTY_STREAM } from '../data/streamed-items';
import { TextIndexClient } from '../data/text-index-client';
import { TranscriptIndex } from '../data/transcript-index';
import { buildViewRows } from '../list/view-rows';
import { inTask } from '../../../lib/work-in-slices';
import { mapMatchesInSlices, useTranscriptSearch } from './use-transcript-search';

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

  it('says whether its matches answer the query yet: none found is not an answer while the text index searches', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [message('m0', 'needle')], tail: [], done: true }));
    const textIndex = new TextIndexClient(index);
    const { result, rerender } = renderHook(({ query }) => useTranscriptSearch(index, index.version, buildViewRows(index, 'asc', new Set()), query, textIndex), { initialProps: { query: '' } });
    expect(result.current.answered).toBe(true);
    rerender({ query: 'needle' });
    expect(result.current).toMatchObject({ matches: [], answered: false });
    await waitFor(() => expect(result.current).toMatchObject({ matches: [0], answered: true }));
    rerender({ query: 'needles' });
    expect(result.current.answered).toBe(false);
    await waitFor(() => expect(result.current.answered).toBe(true));
    expect(result.current.matches).toEqual([]);
  });

  it('no longer marks an item as the current match once a live update rewrote it so it does not match', async () => {
    const index = new TranscriptIndex();
    const first = addChunk(EMPTY_STREAM, { head: [message('m0', 'needle one'), message('m1', 'Drafting a needle…'), message('m2', 'needle two')], tail: [], done: true });
    index.sync(first);
    const textIndex = new TextIndexClient(index);
    const { result, rerender } = renderHook(({ version }) => useTranscriptSearch(index, version, buildViewRows(index, 'asc', new Set()), 'needle', textIndex), { initialProps: { version: index.version } });
    await waitFor(() => expect(result.current.matches).toEqual([0, 1, 2]));
    act(() => void result.current.step(1, 1));
    expect(result.current).toMatchObject({ currentRow: 1, currentOrdinal: 2 });
    index.sync(addLiveChanges(first, { added: [], changed: [message('m1', 'The finished answer')], removed: [] }));
    rerender({ version: index.version });
    await waitFor(() => expect(result.current.matches).toEqual([0, 2]));
    expect(result.current).toMatchObject({ currentRow: null, currentOrdinal: 0 });
    // The next match on from where it was.
    act(() => void result.current.step(1, null));
    expect(result.current.currentRow).toBe(2);
  });

  it('forgets the current match when the query changes', async () => {
    const { result, rerender } = await setup('asc');
    act(() => void result.current.step(1, null));
    rerender({ query: 'gamma' });
    await waitFor(() => expect(result.current.matches).toEqual([4]));
    expect(result.current.currentRow).toBeNull();
  });

  it('places the same matches again when the rows change, without asking the text index again', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: ['alpha', 'needle one', 'beta', 'needle two'].map((text, i) => message(`m${i}`, text)), tail: [], done: true }));
    const textIndex = new TextIndexClient(index);
    const search = vi.spyOn(textIndex, 'searchOffsets');
    const { result, rerender } = renderHook(({ order }) => useTranscriptSearch(index, index.version, buildViewRows(index, order, new Set()), 'needle', textIndex), {
      initialProps: { order: 'asc' as 'asc' | 'desc' },
    });
    await waitFor(() => expect(result.current.matches).toEqual([1, 3]));
    rerender({ order: 'desc' });
    expect(result.current.matches).toEqual([0, 2]);
    expect(search).toHaveBeenCalledTimes(1);
  });
});

describe('the matches of a query that matches most of a long run', () => {
  afterEach(() => vi.restoreAllMocks());

  function longRun(count: number) {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: Array.from({ length: count }, (_, i) => message(`m${i}`, `item ${i}`)), tail: [], done: true }));
    return index;
  }

  it('become rows outside the renders, never in one', async () => {
    const index = longRun(3000);
    const rows = buildViewRows(index, 'desc', new Set());
    let rendering = false;
    const lookups: boolean[] = [];
    const shownRowOf = TranscriptIndex.prototype.shownRowOf;
    vi.spyOn(TranscriptIndex.prototype, 'shownRowOf').mockImplementation(function (this: TranscriptIndex, slot) {
      lookups.push(rendering);
      return shownRowOf.call(this, slot);
    });
    const textIndex = new TextIndexClient(index);
    const { result, rerender } = renderHook(
      ({ query }) => {
        rendering = true;
        try {
          return useTranscriptSearch(index, index.version, rows, query, textIndex);
        } finally {
          rendering = false;
        }
      },
      { initialProps: { query: 'i' } },
    );
    await waitFor(() => expect(result.current.matches).toHaveLength(3000));
    expect(result.current.matches[0]).toBe(0);
    rerender({ query: 'item 2999' });
    await waitFor(() => expect(result.current.matches).toEqual([0]));
    expect(lookups.length).toBeGreaterThan(3000);
    expect(lookups).not.toContain(true);
  });

  it('are worked out a slice per task, and a cancel before the end means no answer', async () => {
    const index = longRun(400);
    const rows = buildViewRows(index, 'asc', new Set());
    const offsets = { head: Uint32Array.from({ length: 400 }, (_, offset) => offset), tail: new Uint32Array(0), live: new Uint32Array(0) };
    // A slow machine: the clock moves on a millisecond each time it is read.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    // Tasks of the page's own, counted alongside until the answer comes.
    let tasks = 0;
    let answered = false;
    const count = () => {
      tasks += 1;
      if (!answered) inTask(count);
    };
    count();
    const answer = await new Promise<{ matchedRows: number[]; matches: number[] }>((resolve) =>
      mapMatchesInSlices(index, offsets, rows, (matchedRows, matches) => {
        answered = true;
        resolve({ matchedRows, matches });
      }),
    );
    expect(answer.matchedRows).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect(answer.matches).toEqual(answer.matchedRows);
    expect(tasks).toBeGreaterThan(2);

    const done = vi.fn<(matchedRows: number[], matches: number[]) => void>();
    const cancel = mapMatchesInSlices(index, offsets, rows, done);
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).not.toHaveBeenCalled();
  });

  it('come out top to bottom and once each, from both ends and from a call and its output', async () => {
    const index = new TranscriptIndex();
    const head = [
      message('m0', 'weather'),
      { id: 'fc', type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{}' },
      { id: 'fco', type: 'function_call_output', call_id: 'call_1', output: 'weather: sunny' },
      message('m3', 'other'),
    ];
    // The tail comes newest first: its offset 0 is the last row.
    const tail = [message('t0', 'weather at last'), message('t1', 'weather again')];
    index.sync(addChunk(EMPTY_STREAM, { head, tail, done: true }));
    const rows = buildViewRows(index, 'asc', new Set());
    const offsets = { head: Uint32Array.of(0, 1, 2), tail: Uint32Array.of(0, 1), live: new Uint32Array(0) };
    const answer = await new Promise<number[]>((resolve) => mapMatchesInSlices(index, offsets, rows, (matchedRows) => resolve(matchedRows)));
    // The output is shown in its call's row (1); the tail's rows are 4 and 5.
    expect(answer).toEqual([0, 1, 4, 5]);
  });
});

