import { describe, expect, it } from 'vitest';
import { inlineJson } from './inline-json';

describe('inlineJson', () => {
  it('writes a short value on one line', () => {
    expect(inlineJson({ city: 'Paris', days: 3, ok: true, tags: ['a', null] }, 80)).toBe('{ "city": "Paris", "days": 3, "ok": true, "tags": ["a", null] }');
    expect(inlineJson([], 10)).toBe('[]');
  });

  it('gives up on a value longer than the budget, however deep', () => {
    expect(inlineJson({ text: 'x'.repeat(100) }, 80)).toBeNull();
    let deep: unknown = 'end';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(inlineJson(deep, 80)).toBeNull();
  });
});
