import { describe, expect, it } from 'vitest';
import { upstreamItemListShape } from '../../shared/contract/shapes.ts';
import { checkShape, isItemList } from './shape-check.ts';

const ODD_VALUES: unknown[] = [undefined, null, '', 'x', 0, 1, true, false, [], {}, [{}], { id: 'a' }];

describe('the item list check', () => {
  it('accepts exactly what the zod shape accepts', () => {
    let seed = 11;
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * list.length)];
    const item = () => {
      const value: Record<string, unknown> = { id: 'msg_1', type: 'message', content: [] };
      const field = pick(['id', 'type', 'content', 'none']);
      if (field !== 'none') value[field] = pick(ODD_VALUES);
      if (pick([true, false, false])) delete value[pick(['id', 'type'])];
      return pick([value, value, value, value, pick(ODD_VALUES)]);
    };
    const outcomes = new Set<boolean>();
    for (let round = 0; round < 2000; round += 1) {
      const body: Record<string, unknown> = { object: 'list', data: Array.from({ length: pick([0, 1, 3]) }, item), first_id: 'msg_1', last_id: 'msg_1', has_more: false };
      const field = pick(['data', 'has_more', 'first_id', 'last_id', 'object', 'none', 'none', 'none']);
      if (field !== 'none') body[field] = pick(ODD_VALUES);
      if (pick([true, false, false, false])) delete body[pick(['data', 'has_more', 'first_id', 'last_id'])];
      const candidate = pick([body, body, body, body, body, pick(ODD_VALUES)]);
      const accepted = upstreamItemListShape.safeParse(candidate).success;
      outcomes.add(accepted);
      expect([JSON.stringify(candidate), isItemList(candidate)]).toEqual([JSON.stringify(candidate), accepted]);
    }
    expect(outcomes.size).toBe(2);
  });

  it('still names the problem of a page it refuses', () => {
    expect(checkShape('itemList', { object: 'list', data: [{ id: 'msg_1', type: '' }] })).toEqual({ ok: false, problem: expect.stringContaining('data[0].type') });
    expect(checkShape('itemList', { object: 'list', data: 'not a list' })).toEqual({ ok: false, problem: expect.stringContaining('data') });
  });
});
