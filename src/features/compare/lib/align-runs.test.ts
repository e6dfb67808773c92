import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../transcript/types';
import { alignRuns } from './align-runs';

let counter = 0;
const id = (prefix: string) => `${prefix}_${(counter += 1)}`;
const user = (text: string): ConversationItem => ({ id: id('msg'), type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });
const assistant = (text: string): ConversationItem => ({ id: id('msg'), type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] });
function call(name: string, args: object, output: string): ConversationItem[] {
  const callId = id('call');
  return [
    { id: id('fc'), type: 'function_call', call_id: callId, name, arguments: JSON.stringify(args), status: 'completed' },
    { id: id('fco'), type: 'function_call_output', call_id: callId, output },
  ];
}

const callPair = () => call('f', { x: 1 }, 'ok');

/** The same script, with fresh IDs each time it is called: two runs never share an ID. */
const run = (...texts: string[]) => texts.map((text) => (text.startsWith('u:') ? user(text.slice(2)) : assistant(text)));
const diffs = (items: { rows: { diff: string }[] }) => items.rows.map((row) => row.diff);

describe('alignRuns', () => {
  it('matches items by content, not by ID', () => {
    const alignment = alignRuns(run('u:hello', 'hi', 'u:bye'), run('u:hello', 'hi', 'u:bye'));
    expect(diffs(alignment)).toEqual(['same', 'same', 'same']);
    expect(alignment.samePrefix).toBe(3);
  });

  it('says how long a shared prefix lasts, and pairs the first differing rows as changed', () => {
    const alignment = alignRuns(run('u:plan', 'step one', 'step two', 'done'), run('u:plan', 'step one', 'step 2', 'done'));
    expect(diffs(alignment)).toEqual(['same', 'same', 'changed', 'same']);
    expect(alignment.samePrefix).toBe(2);
  });

  it('realigns after an insertion in the middle', () => {
    const alignment = alignRuns(run('u:a', 'b', 'u:c', 'd'), run('u:a', 'b', 'u:extra', 'u:c', 'd'));
    expect(diffs(alignment)).toEqual(['same', 'same', 'only-b', 'same', 'same']);
    expect(alignment.rows[2]).toEqual({ diff: 'only-b', a: -1, b: 2 });
  });

  it('realigns after a deletion in the middle', () => {
    const alignment = alignRuns(run('u:a', 'b', 'u:c', 'd', 'u:e'), run('u:a', 'b', 'd', 'u:e'));
    expect(diffs(alignment)).toEqual(['same', 'same', 'only-a', 'same', 'same']);
  });

  it('shows a moved item as gone from one place and added at another', () => {
    const alignment = alignRuns(run('u:a', 'x', 'u:y', 'z'), run('u:a', 'u:y', 'x', 'z'));
    expect(diffs(alignment).filter((diff) => diff === 'same')).toHaveLength(3);
    expect(diffs(alignment).filter((diff) => diff !== 'same').sort()).toEqual(['only-a', 'only-b']);
  });

  it('finds identical runs identical, and empty runs empty', () => {
    const identical = alignRuns(run('u:a', 'b'), run('u:a', 'b'));
    expect(identical.rows.every((row) => row.diff === 'same')).toBe(true);
    expect(alignRuns([], []).rows).toEqual([]);
    expect(diffs(alignRuns([], run('u:a', 'b')))).toEqual(['only-b', 'only-b']);
    expect(diffs(alignRuns(run('u:a'), []))).toEqual(['only-a']);
  });

  it('folds a tool output into its call, and compares arguments as JSON whatever their key order or IDs', () => {
    const a = [user('weather?'), ...call('get_weather', { city: 'Paris', unit: 'c' }, '{"temp": 21}')];
    const b = [user('weather?'), ...call('get_weather', { unit: 'c', city: 'Paris' }, '{ "temp": 21 }')];
    const alignment = alignRuns(a, b);
    expect(alignment.unitsA).toHaveLength(2);
    expect(diffs(alignment)).toEqual(['same', 'same']);
  });

  it('marks a call whose output differs as changed, and a failed one as failed', () => {
    const a = [user('go'), ...call('run_tests', { all: true }, '{"passed": 12}')];
    const b = [user('go'), ...call('run_tests', { all: true }, '{"error": "timeout"}')];
    const alignment = alignRuns(a, b);
    expect(diffs(alignment)).toEqual(['same', 'changed']);
    expect(alignment.unitsA[1].failed).toBe(false);
    expect(alignment.unitsB[1].failed).toBe(true);
  });

  it('never pairs rows of different shapes as changed', () => {
    const a = [user('go'), ...call('search', { q: 'x' }, 'r')];
    const b = [user('go'), assistant('I will not search.')];
    expect(diffs(alignRuns(a, b))).toEqual(['same', 'only-a', 'only-b']);
  });

  it('treats an empty or default field as a missing one', () => {
    const [fc, output] = callPair();
    const bare = { ...output };
    delete bare.status;
    expect(diffs(alignRuns([fc, { ...output, status: 'completed' }], [{ ...fc }, bare]))).toEqual(['same']);
    const withLogprobs = { ...assistant('hi'), content: [{ type: 'output_text', text: 'hi', annotations: [], logprobs: [] }] };
    expect(diffs(alignRuns([withLogprobs], [{ ...withLogprobs, content: [{ type: 'output_text', text: 'hi' }] }]))).toEqual(['same']);
  });

  it('reads a message whose content is a plain string as the same as one text part saying it', () => {
    const plain = (message: ConversationItem): ConversationItem => ({ ...message, id: id('msg'), content: (message.content as { text: string }[])[0].text });
    const a = run('u:What changed?', 'The price helper.');
    expect(diffs(alignRuns(a, a.map(plain)))).toEqual(['same', 'same']);
    expect(diffs(alignRuns(a, [plain(user('What changed?')), plain(assistant('The cart.'))]))).toEqual(['same', 'changed']);
  });

  it('treats whitespace differences in text as the same', () => {
    expect(diffs(alignRuns(run('Hello   world\n'), run('Hello world')))).toEqual(['same']);
  });

  it('pairs each output with its own call when two calls share a call_id, as the transcript does, so a second output that differs is a change', () => {
    const twice = (second: string): ConversationItem[] => {
      const [first, firstOutput] = call('f', { x: 1 }, 'first');
      return [first, firstOutput, { ...first, id: id('fc') }, { ...firstOutput, id: id('fco'), output: second }];
    };
    const alignment = alignRuns(twice('second'), twice('other'));
    expect(diffs(alignment)).toEqual(['same', 'changed']);
    expect(alignment.rows).toHaveLength(2);
    // A call made again without its own output waits for one: it is not shown with the first call's.
    const [lone, loneOutput] = call('f', { x: 1 }, 'first');
    expect(diffs(alignRuns([lone, loneOutput, { ...lone, id: id('fc') }], [lone, loneOutput, { ...lone, id: id('fc') }, { ...loneOutput, id: id('fco') }]))).toEqual(['same', 'changed']);
  });
});
