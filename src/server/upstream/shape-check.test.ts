import { describe, expect, it } from 'vitest';
import { upstreamItemListShape } from '../../shared/contract/shapes.ts';
import { checkShape, meetsShape, shapes, type ShapeName } from './shape-check.ts';

const item = { id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] };
const valid: Record<ShapeName, unknown> = {
  item,
  itemList: { object: 'list', data: [item, { type: 'reasoning', summary: [] }], first_id: 'msg_1', last_id: 'rs_2', has_more: false },
  conversation: { id: 'conv_1', object: 'conversation', created_at: 1_760_000_000, metadata: { topic: 'x' } },
};

// Values each field is tried with: every JSON type, and the edge cases of the rules (empty strings, null, nesting).
const ODD_VALUES: unknown[] = [undefined, null, '', 'x', 0, 1.5, -1, true, false, [], [item], {}, { type: '' }, { id: '', type: 'message' }, { id: 'a', type: 'message' }, { type: 7 }, [{ type: 'message' }, null], ['x']];

function variants(base: unknown): unknown[] {
  const out: unknown[] = [base, null, [], 'text', 3, [base]];
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return out;
  const record = base as Record<string, unknown>;
  for (const key of [...Object.keys(record), 'id', 'type', 'data', 'has_more', 'first_id', 'last_id', 'object', 'created_at', 'metadata']) {
    for (const value of ODD_VALUES) {
      const copy: Record<string, unknown> = { ...record };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      out.push(copy);
      // One level down as well: the items of a page.
      if (key === 'data') for (const inner of ODD_VALUES) out.push({ ...record, data: [item, inner] });
    }
  }
  return out;
}

describe('the hand-written shape rules', () => {
  it.each(Object.keys(valid) as ShapeName[])('accept nothing the %s shape refuses, and accept its ordinary bodies', (name) => {
    expect(meetsShape(name, valid[name])).toBe(true);
    let accepted = 0;
    for (const body of variants(valid[name])) {
      // Bodies are what JSON.parse gives.
      const parsed: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
      if (!meetsShape(name, parsed)) continue;
      accepted += 1;
      expect({ body: parsed, accepted: shapes[name].safeParse(parsed).success }).toEqual({ body: parsed, accepted: true });
    }
    expect(accepted).toBeGreaterThan(5);
  });

  it('leave the explanation of a refused body to the shape', () => {
    expect(checkShape('itemList', { data: [{ id: 'msg_1' }] })).toEqual({ ok: false, problem: expect.stringContaining('data[0].type') });
    expect(checkShape('conversation', { id: '' })).toEqual({ ok: false, problem: expect.stringContaining('id') });
  });

  it('pass a complete page on as it came, and fill in the cursors of one without them', () => {
    const page = valid.itemList;
    expect(checkShape('itemList', page)).toEqual({ ok: true, value: page });
    expect(checkShape('itemList', { data: [item] })).toEqual({ ok: true, value: { object: 'list', data: [item], has_more: false, first_id: 'msg_1', last_id: 'msg_1' } });
  });
});

describe('the item list check', () => {
  it('accepts exactly what the zod shape accepts', () => {
    let seed = 11;
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * list.length)];
    const makeItem = () => {
      const value: Record<string, unknown> = { id: 'msg_1', type: 'message', content: [] };
      const field = pick(['id', 'type', 'content', 'none']);
      if (field !== 'none') value[field] = pick(ODD_VALUES);
      if (pick([true, false, false])) delete value[pick(['id', 'type'])];
      return pick([value, value, value, value, pick(ODD_VALUES)]);
    };
    const outcomes = new Set<boolean>();
    for (let round = 0; round < 2000; round += 1) {
      const body: Record<string, unknown> = { object: 'list', data: Array.from({ length: pick([0, 1, 3]) }, makeItem), first_id: 'msg_1', last_id: 'msg_1', has_more: false };
      const field = pick(['data', 'has_more', 'first_id', 'last_id', 'object', 'none', 'none', 'none']);
      if (field !== 'none') body[field] = pick(ODD_VALUES);
      if (pick([true, false, false, false])) delete body[pick(['data', 'has_more', 'first_id', 'last_id'])];
      const candidate = pick([body, body, body, body, body, pick(ODD_VALUES)]);
      const accepted = upstreamItemListShape.safeParse(candidate).success;
      outcomes.add(accepted);
      expect([JSON.stringify(candidate), meetsShape('itemList', candidate)]).toEqual([JSON.stringify(candidate), accepted]);
    }
    expect(outcomes.size).toBe(2);
  });
});
