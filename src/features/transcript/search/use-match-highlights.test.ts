import { describe, expect, it } from 'vitest';
import { lowerSameLength } from './use-match-highlights';

describe('lowerSameLength', () => {
  it('lowers a text character for character, so a match found in it is at the same place in the text', () => {
    expect(lowerSameLength('Hello WORLD')).toBe('hello world');
    // "İ" lowers to two code units; left as it is, every position after it still points where it did.
    const text = 'İİİİİİİİİİ then target word';
    const lower = lowerSameLength(text);
    expect(lower).toHaveLength(text.length);
    expect(text.slice(lower.indexOf('word'), lower.indexOf('word') + 4)).toBe('word');
    expect(lowerSameLength('Émoji 😀 ÀB')).toBe('émoji 😀 àb');
  });
});
