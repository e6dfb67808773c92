import { describe, expect, it } from 'vitest';
import { turnNumberAt } from './use-turns';

describe('turnNumberAt', () => {
  it('numbers the turn that starts at a row from 1, and nothing for a row inside a turn', () => {
    const starts = [0, 4, 9, 30];
    expect(starts.map((row) => turnNumberAt(starts, row))).toEqual([1, 2, 3, 4]);
    expect(turnNumberAt(starts, 5)).toBeUndefined();
    expect(turnNumberAt(starts, 31)).toBeUndefined();
    expect(turnNumberAt([], 0)).toBeUndefined();
  });
});
