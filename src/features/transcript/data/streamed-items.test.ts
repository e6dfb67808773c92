import { describe, expect, it } from 'vitest';
import { addChunk, addLiveChanges, countStreamed, EMPTY_STREAM, streamCursors } from './streamed-items';
import { TranscriptIndex } from './transcript-index';

const item = (id: string) => ({ id, type: 'message' });

describe('streamed items', () => {
  it('adds pages at each end and keeps the earlier pages by reference', () => {
    const one = addChunk(EMPTY_STREAM, { head: [item('a'), item('b')], tail: [], done: false });
    const two = addChunk(one, { head: [], tail: [item('z')], done: false });
    expect(two.head[0]).toBe(one.head[0]);
    expect(two.tail).toEqual([[item('z')]]);
    expect(countStreamed(two)).toBe(3);
    expect(two.complete).toBe(false);
    expect(addChunk(two, { head: [], tail: [], done: true }).complete).toBe(true);
  });

  it('returns the same state for an empty chunk', () => {
    expect(addChunk(EMPTY_STREAM, { head: [], tail: [], done: false })).toBe(EMPTY_STREAM);
  });

  it('resumes after the last item each end delivered', () => {
    const state = addChunk(addChunk(EMPTY_STREAM, { head: [item('a'), item('b')], tail: [item('z'), item('y')], done: false }), {
      head: [item('c')],
      tail: [],
      done: false,
    });
    expect(streamCursors(state)).toEqual({ headAfter: 'c', tailAfter: 'y' });
    expect(streamCursors(undefined)).toEqual({ headAfter: null, tailAfter: null });
  });

  it('resumes after the last item of each end that has an ID', () => {
    const anonymous = { type: 'message' } as ReturnType<typeof item>;
    const state = addChunk(addChunk(EMPTY_STREAM, { head: [item('a'), item('b')], tail: [item('z')], done: false }), {
      head: [anonymous],
      tail: [anonymous, anonymous],
      done: false,
    });
    expect(streamCursors(state)).toEqual({ headAfter: 'b', tailAfter: 'z' });
  });
});

describe('addLiveChanges', () => {
  const answer = (text: string) => ({ id: 'msg_answer', type: 'message', role: 'assistant', status: 'in_progress', content: [{ type: 'output_text', text }] });

  it('holds one copy of an item that changes at every look, and an index fed from it shows the newest', () => {
    let state = addChunk(EMPTY_STREAM, { head: [], tail: [], done: true });
    state = addLiveChanges(state, { added: [answer('a')] as never, changed: [], removed: [] });
    state = addLiveChanges(state, { added: [], changed: [answer('ab')] as never, removed: [] });
    state = addLiveChanges(state, { added: [], changed: [answer('abc')] as never, removed: [] });
    const copies = state.live!.flatMap((batch) => [...batch.added, ...batch.changed]);
    expect(new Set(copies).size).toBe(1);
    const index = new TranscriptIndex();
    expect(index.sync(state)).toBe(true);
    expect(index.orderedItems()).toEqual([answer('abc')]);
  });
});
