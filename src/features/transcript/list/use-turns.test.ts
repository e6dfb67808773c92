import { describe, expect, it } from 'vitest';
import { contextAtTurnEnds, turnNumberAt, turnSizeText } from './use-turns';

describe('turnNumberAt', () => {
  it('numbers the turn that starts at a row from 1, and nothing for a row inside a turn', () => {
    const starts = [0, 4, 9, 30];
    expect(starts.map((row) => turnNumberAt(starts, row))).toEqual([1, 2, 3, 4]);
    expect(turnNumberAt(starts, 5)).toBeUndefined();
    expect(turnNumberAt(starts, 31)).toBeUndefined();
    expect(turnNumberAt([], 0)).toBeUndefined();
  });
});

describe('the context so far', () => {
  // Turn 1: rows 0-2; turn 2: rows 3-6, a compaction at row 5; turn 3: rows 7-8.
  const starts = [0, 3, 7];
  const tokens = [100, 200, 300, 50, 400, 30, 20, 10, 5];
  const contexts = contextAtTurnEnds(tokens.length, starts, (row) => tokens[row], (row) => row === 5);

  it('adds each turn to what came before it, up to a compaction', () => {
    expect(contexts.get(3)).toEqual({ tokens: 600, compacted: false });
  });

  it('starts again from the compaction, which replaced what came before it, and says so', () => {
    // What the model holds after it: the compaction and what follows, not the items it replaced.
    expect(contexts.get(7)).toEqual({ tokens: 50, compacted: true });
    expect(contexts.get(9)).toEqual({ tokens: 65, compacted: true });
    expect(turnSizeText(4, 500, contexts.get(7)!)).toBe('4 items · ≈ 500 tokens · context since the compaction ≈ 50');
    expect(turnSizeText(3, 600, contexts.get(3)!)).toBe('3 items · ≈ 600 tokens · context so far ≈ 600');
    expect(turnSizeText(3, 600, null)).toBe('3 items');
  });

  it('is unknown after items that are not loaded, until a compaction starts it again', () => {
    // Rows 0-2 loaded, row 3 the items not loaded, rows 4-6 and 7-8 loaded; a compaction at row 7.
    const partial = contextAtTurnEnds(9, [0, 4, 7], (row) => (row === 3 ? 0 : 10), (row) => row === 7, 3);
    expect(partial.get(4)).toEqual({ tokens: 30, compacted: false, unknown: true });
    expect(partial.get(7)!.unknown).toBe(true);
    expect(turnSizeText(3, 30, partial.get(7)!)).toBe('3 items · ≈ 30 tokens · context unknown: earlier items not loaded');
    expect(partial.get(9)).toEqual({ tokens: 20, compacted: true });
  });
});
