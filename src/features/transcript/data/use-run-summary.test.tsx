import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../types';
import { addChunk, EMPTY_STREAM } from './streamed-items';
import { TranscriptIndex } from './transcript-index';
import { useTokenCounts } from './use-run-summary';

const message = (id: string, text: string): ConversationItem => ({ id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });

describe('useTokenCounts', () => {
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
