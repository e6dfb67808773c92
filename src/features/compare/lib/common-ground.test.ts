import { describe, expect, it } from 'vitest';
import { alignRuns } from './align-runs';
import { alignOnCommonGround } from './common-ground';
import type { ConversationItem } from '../../transcript/types';

const call = (id: string, output: string | null): ConversationItem[] => [
  { type: 'function_call', id: `fc_${id}`, call_id: `call_${id}`, name: 'read_file', arguments: '{"path":"a.ts"}', status: 'completed' } as ConversationItem,
  ...(output === null ? [] : [{ type: 'function_call_output', id: `fco_${id}`, call_id: `call_${id}`, output } as ConversationItem]),
];
const user = (text: string) => ({ type: 'message', id: `msg_${text}`, role: 'user', content: [{ type: 'input_text', text }] }) as ConversationItem;

describe('alignOnCommonGround', () => {
  it('sets aside what one snapshot left out of the other run too, so it is no difference, and points at the runs as given', () => {
    // Run A is a snapshot that left its tool outputs out; run B has them, one of them a failure.
    const a = [user('go'), ...call('1', null), ...call('2', null)];
    const b = [user('go'), ...call('3', 'export const a = 1;'), ...call('4', '{"error":"invalid_arguments","message":"bad"}')];
    const before = alignRuns(structuredClone(a), structuredClone(b));
    expect(before.rows.some((row) => row.diff !== 'same')).toBe(true);
    const after = alignOnCommonGround(structuredClone(a), structuredClone(b), ['tool_outputs'], alignRuns);
    expect(after.rows.map((row) => row.diff)).toEqual(['same', 'same', 'same']);
    expect(after.unitsB.some((unit) => unit.failed)).toBe(false);
    // B's calls are its items 1 and 3 (its outputs, 2 and 4, set aside).
    expect(after.unitsB.map((unit) => [unit.item, unit.output])).toEqual([[0, -1], [1, -1], [3, -1]]);
  });

  it('sets aside the whole items one snapshot left out (its system and developer messages) from the other run too', () => {
    const system = { type: 'message', id: 'msg_system', role: 'system', content: [{ type: 'input_text', text: 'Be brief.' }] } as ConversationItem;
    const a = [user('go'), ...call('1', 'x')];
    const b = [system, user('go'), ...call('2', 'x')];
    expect(alignRuns(structuredClone(a), structuredClone(b)).samePrefix).toBe(0);
    const after = alignOnCommonGround(structuredClone(a), structuredClone(b), [], alignRuns, { roles: ['system', 'developer'], types: [] });
    expect(after.rows.map((row) => row.diff)).toEqual(['same', 'same']);
    expect(after.samePrefix).toBe(2);
    expect(after.unitsB.map((unit) => [unit.item, unit.output])).toEqual([[1, -1], [2, 3]]);
  });

  it('aligns the runs as they are when no side left anything out', () => {
    const a = [user('go'), ...call('1', 'x')];
    const { millis: _took, ...aligned } = alignOnCommonGround(a, a, [], alignRuns);
    const { millis: _tookToo, ...asTheyAre } = alignRuns(a, a);
    expect(aligned).toEqual(asTheyAre);
  });
});
