import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from './json-error-place.ts';

describe('where a JSON text goes wrong', () => {
  it('finds nothing wrong in JSON', () => {
    for (const text of ['[]', '{}', ' [1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"k": [{}]}] ', '"x"', '0', JSON.stringify({ deep: [[[[{ a: '\n\t' }]]]] })]) {
      expect(jsonErrorOffset(text)).toBeNull();
    }
  });

  it('points where JSON.parse points, where it says', () => {
    const broken = ['[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '[01]', '{"a": tru}', '["a\u0001"]', '["\\x"]', '[-]', '[1] 2', '{"a": 1 "b": 2}', '{1: 2}', '["\\u12G4"]', ''];
    const placed = (text: string) => {
      try {
        JSON.parse(text);
      } catch (error) {
        const named = /at position (\d+)/.exec((error as Error).message)?.[1];
        // Where JSON.parse names no place, any place will do.
        return named === undefined ? jsonErrorOffset(text) : Number(named);
      }
      return null;
    };
    expect(broken.map((text) => [text, jsonErrorOffset(text)])).toEqual(broken.map((text) => [text, placed(text)]));
    expect(broken.every((text) => jsonErrorOffset(text) !== null)).toBe(true);
  });

  it('points at a word JSON does not have, which JSON.parse does not place', () => {
    const text = '[\n  {"id": "a", "logprob": -Infinity},\n  {"id": "b", "score": NaN}\n]';
    expect(jsonErrorOffset(text)).toBe(text.indexOf('Infinity'));
    expect(jsonErrorOffset(text.replace('-Infinity', '0'))).toBe(text.replace('-Infinity', '0').indexOf('NaN'));
    expect(lineAndColumn(text, text.indexOf('Infinity'))).toEqual({ line: 2, column: 27 });
  });

  it('reads nesting thousands of levels deep without a stack per level', () => {
    expect(jsonErrorOffset(`${'['.repeat(100_000)}x`)).toBe(100_000);
  });
});
