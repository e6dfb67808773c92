import { describe, expect, it } from 'vitest';
import { stringifyDeep, stringifyJson } from './stringify-deep';

const SAMPLES: unknown[] = [
  null,
  1.5,
  'a "quoted" \n text',
  [],
  {},
  [1, 'two', null, true, { three: [3, {}] }],
  { a: 1, b: undefined, c: [undefined, () => 1], d: { e: 'f', g: [] }, 'odd key "x"': false },
];

describe('stringifyDeep', () => {
  it.each(SAMPLES.map((value) => [JSON.stringify(value), value]))('matches JSON.stringify for %s', (_, value) => {
    expect(stringifyDeep(value)).toBe(JSON.stringify(value));
    expect(stringifyDeep(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('serialises values nested far deeper than JSON.stringify can', () => {
    const text = `${'{"a":['.repeat(20_000)}1${']}'.repeat(20_000)}`;
    const value: unknown = JSON.parse(text);
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(stringifyJson(value)).toBe(text);
    expect(stringifyJson(value, 1).split('\n')).toHaveLength(80_001);
  });
});
