import { describe, expect, it } from 'vitest';
import { changeParts } from './change-parts';
import { diffJson } from './json-diff';
import { diffWords } from './word-diff';

describe('diffWords', () => {
  it('marks the words that changed, keeping the rest', () => {
    expect(diffWords('The build failed on step two.', 'The build passed on step two.')).toEqual([
      { op: 'equal', text: 'The build ' },
      { op: 'delete', text: 'failed' },
      { op: 'insert', text: 'passed' },
      { op: 'equal', text: ' on step two.' },
    ]);
  });
});

describe('diffJson', () => {
  it('lists added, removed and changed paths', () => {
    const diff = diffJson({ city: 'Paris', days: [1, 2], unit: 'c' }, { city: 'Lyon', days: [1, 2, 3] });
    expect(diff.changes).toEqual([
      { path: 'city', kind: 'changed', a: '"Paris"', b: '"Lyon"' },
      { path: 'unit', kind: 'removed', a: '"c"' },
      { path: 'days[2]', kind: 'added', b: '3' },
    ]);
    expect(diff.unchanged).toBe(2);
  });
});

describe('changeParts', () => {
  it('diffs tool arguments as JSON and text as words, leaving out what is equal', () => {
    const call = (args: string, output: string) => ({
      item: { id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'f', arguments: args, status: 'completed' },
      output: { id: 'fco_1', type: 'function_call_output', call_id: 'c1', output },
    });
    const parts = changeParts(call('{"q":"a"}', 'same text'), call('{"q":"b"}', 'same text'));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ label: 'arguments', kind: 'json' });
  });
});
