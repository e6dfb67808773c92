import { describe, expect, it } from 'vitest';
import { addChunk, addLiveChanges, EMPTY_STREAM } from './streamed-items';
import { conversationTitle } from '../../../shared/items/conversation-title';
import { RunSummary } from './run-summary';
import { TranscriptIndex } from './transcript-index';

const user = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const assistant = (id: string, status = 'completed') => ({ id, type: 'message', role: 'assistant', status, content: [{ type: 'output_text', text: 'ok' }] });
const call = (id: string, callId: string, name: string) => ({ id, type: 'function_call', call_id: callId, name, arguments: '{}' });
const output = (id: string, callId: string, text: string) => ({ id, type: 'function_call_output', call_id: callId, output: text });
const shell = (id: string, callId: string) => ({ id, type: 'local_shell_call', call_id: callId, action: { command: ['npm', 'test'] } });
const shellOut = (id: string, callId: string, code: number) => ({ id, type: 'local_shell_call_output', call_id: callId, output: JSON.stringify({ stdout: '', exit_code: code }) });

function indexOf(head: object[][], tail: object[][] = [], done = true) {
  let state = EMPTY_STREAM;
  for (const page of head) state = addChunk(state, { head: page as never, tail: [], done: false });
  for (const page of tail) state = addChunk(state, { head: [], tail: page as never, done: false });
  if (done) state = addChunk(state, { head: [], tail: [], done: true });
  const index = new TranscriptIndex();
  index.sync(state);
  return index;
}

describe('RunSummary', () => {
  it('reads a transcript read again from the start (Reload) anew, though the index holds as many items as before', () => {
    const first = [user('u1', 'go'), output('o1', 'a', '{"error":"ENOENT"}')];
    const index = indexOf([first]);
    const summary = new RunSummary();
    summary.sync(index);
    expect(summary.failureRows(index)).toEqual([1]);
    // Read again, the run has a different item at the same place: what was read before counts no more.
    let again = EMPTY_STREAM;
    again = addChunk(again, { head: [user('u1', 'go'), output('o1', 'a', 'fixed')] as never, tail: [], done: true });
    expect(index.sync(again)).toBe(false);
    index.reset();
    index.sync(again);
    summary.sync(index);
    expect(summary.failureRows(index)).toEqual([]);
  });

  it('puts a failed second answer to a call on its own row, which shows it, not on the call', () => {
    const index = indexOf([[user('u1', 'go'), call('c1', 'a', 'read_file'), output('o1', 'a', 'text'), output('o2', 'a', '{"error":"ENOENT"}')]]);
    const summary = new RunSummary();
    summary.sync(index);
    expect(summary.failureRows(index)).toEqual([index.rowOfId('o2')]);
  });

  it('counts messages by role, tool calls by name, reasoning, and finds the failures on the rows shown', () => {
    const index = indexOf([
      [user('u1', 'Why is CI red on main since this morning, can you look please'), call('c1', 'a', 'read_file'), output('o1', 'a', 'text')],
      [call('c2', 'b', 'read_file'), output('o2', 'b', '{"error":"ENOENT"}'), shell('s1', 'x'), shellOut('so1', 'x', 1), { id: 'r1', type: 'reasoning', summary: [] }, assistant('a1', 'incomplete')],
      [{ id: 'k1', type: 'compaction', encrypted_content: 'x' }],
    ]);
    const summary = new RunSummary();
    summary.sync(index);
    const { byKind, byName } = index.counts;
    expect(Object.fromEntries(byName.messages)).toEqual({ user: 1, assistant: 1 });
    // A call and its output are one tool call, as in the filter.
    expect(byKind.tools).toBe(3);
    expect(Object.fromEntries(byName.tools)).toEqual({ read_file: 2, 'Local shell': 1 });
    // A compaction is counted by its own name, not as reasoning.
    expect(Object.fromEntries(byName.reasoning)).toEqual({ Reasoning: 1, Compaction: 1 });
    expect(summary.failureRows(index)).toEqual([index.rowOfId('c2'), index.rowOfId('s1'), index.rowOfId('a1')]);
    expect(summary.title).toBe('Why is CI red on main since this morning, can you look please');
    expect(conversationTitle(undefined, summary.title)).toBe('Why is CI red on main since this morning, can…');
    expect(summary.turnRows(index)).toEqual([0]);
    // Each tool's calls, by the name the counts show: a function by its name, anything else by its label.
    expect(summary.toolRows(index, 'read_file')).toEqual([index.rowOfId('c1'), index.rowOfId('c2')]);
    expect(summary.toolRows(index, 'Local shell')).toEqual([index.rowOfId('s1')]);
    expect(summary.toolRows(index, 'no_such_tool')).toEqual([]);
  });

  it('judges again an item a live update changed: an answer that ended incomplete, a failed call retried and passing', () => {
    let state = addChunk(EMPTY_STREAM, { head: [user('u1', 'go'), assistant('a1', 'in_progress'), shell('s1', 'x'), shellOut('so1', 'x', 1)] as never, tail: [], done: true });
    const index = new TranscriptIndex();
    index.sync(state);
    const summary = new RunSummary();
    summary.sync(index);
    expect(summary.failureRows(index)).toEqual([index.rowOfId('s1')]);
    state = addLiveChanges(state, { added: [], changed: [assistant('a1', 'incomplete'), shellOut('so1', 'x', 0)] as never, removed: [] });
    index.sync(state);
    summary.sync(index);
    expect(summary.failureRows(index)).toEqual([index.rowOfId('a1')]);
  });

  it('judges a call by its output when the output arrives first (newest-first tail)', () => {
    const index = indexOf([], [[shellOut('so1', 'x', 2), shell('s1', 'x'), user('u1', 'go')]], false);
    const summary = new RunSummary();
    summary.sync(index);
    expect(summary.failureRows(index)).toEqual([index.rowOfId('s1')]);
  });

  it('lists where turns start oldest first across the head, the gap and the newest-first tail', () => {
    const index = indexOf([[user('u1', 'one'), assistant('a1'), user('u2', 'two')]], [[assistant('a9'), user('u9', 'nine'), user('u8', 'eight'), assistant('a7')]], false);
    const summary = new RunSummary();
    summary.sync(index);
    expect(summary.turnRows(index)).toEqual(['u1', 'u2', 'u8', 'u9'].map((id) => index.rowOfId(id)));
    expect(summary.turnRows(index)).toEqual([0, 2, 5, 6]);
  });

  it('reads a slice of the items when asked to stop, and ends where a whole read would', () => {
    const pages = [
      [user('u1', 'first'), call('c1', 'a', 'read_file'), output('o1', 'a', '{"error":"ENOENT"}'), assistant('a1', 'incomplete')],
      [user('u2', 'second'), shell('s1', 'x'), shellOut('so1', 'x', 1), assistant('a2')],
    ];
    const index = indexOf(pages);
    const whole = new RunSummary();
    whole.sync(index);
    const sliced = new RunSummary();
    let slices = 0;
    do {
      let read = 0;
      sliced.sync(index, () => read++ >= 3);
      slices += 1;
    } while (sliced.behind);
    expect(slices).toBe(3);
    expect(sliced.failureRows(index)).toEqual(whole.failureRows(index));
    expect(sliced.turnRows(index)).toEqual(whole.turnRows(index));
    expect(sliced.title).toBe(whole.title);
  });
});
