import { describe, expect, it } from 'vitest';
import { stripLines } from './overview-strip';

describe('stripLines', () => {
  it('draws one line per pixel however many positions share it', () => {
    const turns = Array.from({ length: 12_000 }, (_, i) => i * 4);
    const lines = stripLines(turns, 50_000, 600);
    expect(lines.length).toBeLessThanOrEqual(600);
    expect(new Set(lines).size).toBe(lines.length);
    expect(Math.min(...lines)).toBe(0);
    expect(Math.max(...lines)).toBe(575);
  });

  it('keeps a lone position where it falls, clear of the bottom edge', () => {
    expect(stripLines([50], 100, 200)).toEqual([100]);
    expect(stripLines([99], 100, 200)).toEqual([198]);
  });
});
