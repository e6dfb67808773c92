import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationItem } from '../types';
import { addChunk, EMPTY_STREAM } from './streamed-items';
import { TextIndexClient } from './text-index-client';
import { TranscriptIndex } from './transcript-index';
import { useTokenCounts } from './use-run-summary';

const message = (id: string, text: string): ConversationItem => ({ id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });

describe('useTokenCounts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends nothing to the text index while a run loads, and everything once it has loaded', () => {
    const sent = vi.spyOn(TextIndexClient.prototype, 'syncInSlices');
    const index = new TranscriptIndex();
    let stream = addChunk(EMPTY_STREAM, { head: [message('a', 'one')], tail: [], done: false });
    index.sync(stream);
    const { rerender, unmount } = renderHook(({ version, loading }: { version: number; loading: boolean }) => useTokenCounts(index, version, loading), {
      initialProps: { version: index.version, loading: true },
    });
    stream = addChunk(stream, { head: [message('b', 'two')], tail: [], done: true });
    index.sync(stream);
    rerender({ version: index.version, loading: true });
    expect(sent).not.toHaveBeenCalled();
    rerender({ version: index.version, loading: false });
    expect(sent).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('still finds what has arrived when searched while a run loads', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [message('a', 'the first orchid'), message('b', 'nothing here')], tail: [], done: false }));
    const { result, unmount } = renderHook(() => useTokenCounts(index, index.version, true));
    await expect(result.current.textIndex.search('orchid')).resolves.toEqual([{ end: 'head', offset: 0 }]);
    unmount();
  });

  it('keeps the same state while items arrive and no count changes, so rows that read it do not render again', () => {
    const index = new TranscriptIndex();
    let stream = addChunk(EMPTY_STREAM, { head: [message('a', 'one')], tail: [], done: false });
    index.sync(stream);
    // Counting waits while loading: the counts cannot change between these renders.
    const { result, rerender, unmount } = renderHook(({ version }: { version: number }) => useTokenCounts(index, version, true), { initialProps: { version: index.version } });
    const first = result.current;
    for (const id of ['b', 'c', 'd']) {
      stream = addChunk(stream, { head: [message(id, `text ${id}`)], tail: [], done: false });
      index.sync(stream);
      rerender({ version: index.version });
      expect(result.current).toBe(first);
    }
    unmount();
  });
});
