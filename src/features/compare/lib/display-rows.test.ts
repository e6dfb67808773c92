import { describe, expect, it } from 'vitest';
import type { AlignedRow, RowDiff } from './align-runs';
import { differencePositions, displayRows, firstRow, followRows, headline, positionOfRow, stepDifference, stretchStart } from './display-rows';

const rows = (...diffs: RowDiff[]): AlignedRow[] => diffs.map((diff, i) => ({ diff, a: diff === 'only-b' ? -1 : i, b: diff === 'only-a' ? -1 : i }));

describe('displayRows', () => {
  it('folds runs of three or more same rows, unless opened, and steps through the differences', () => {
    const aligned = rows('same', 'same', 'same', 'changed', 'same', 'only-b', 'same', 'same', 'same', 'same');
    const shown = displayRows(aligned, new Set());
    expect(shown).toEqual([
      { kind: 'fold', start: 0, count: 3, items: 3 },
      { kind: 'row', row: 3 },
      { kind: 'row', row: 4 },
      { kind: 'row', row: 5 },
      { kind: 'fold', start: 6, count: 4, items: 4 },
    ]);
    expect(displayRows(aligned, new Set([0]))).toHaveLength(7);
    const positions = differencePositions(shown, aligned);
    expect(positions).toEqual([1, 3]);
    expect(stepDifference(positions, null, 1)).toBe(1);
    expect(stepDifference(positions, 1, 1)).toBe(3);
    expect(stepDifference(positions, 3, 1)).toBeNull();
    expect(stepDifference(positions, 3, -1)).toBe(1);
  });

  it('folds runs of three or more rows only one run has, each side apart, into one difference each', () => {
    const aligned = rows('same', 'only-b', 'only-b', 'only-b', 'only-b', 'only-a', 'only-a', 'only-a', 'changed', 'only-a', 'only-a', 'same');
    // Row 2 is a call with its output: two items, as the transcript counts them.
    const shown = displayRows(aligned, new Set(), (row) => (row === 2 ? 2 : 1));
    expect(shown).toEqual([
      { kind: 'row', row: 0 },
      { kind: 'fold', start: 1, count: 4, items: 5, only: 'b' },
      { kind: 'fold', start: 5, count: 3, items: 3, only: 'a' },
      { kind: 'row', row: 8 },
      { kind: 'row', row: 9 },
      { kind: 'row', row: 10 },
      { kind: 'row', row: 11 },
    ]);
    expect(differencePositions(shown, aligned)).toEqual([1, 2, 3, 4, 5]);
    expect(shown.map(firstRow)).toEqual([0, 1, 5, 8, 9, 10, 11]);
    // Opened, by its first row, the fold's rows take its place, each a difference of its own.
    const opened = displayRows(aligned, new Set([1]));
    expect(opened.slice(1, 6)).toEqual([
      { kind: 'row', row: 1 },
      { kind: 'row', row: 2 },
      { kind: 'row', row: 3 },
      { kind: 'row', row: 4 },
      { kind: 'fold', start: 5, count: 3, items: 3, only: 'a' },
    ]);
    expect(differencePositions(opened, aligned)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('says how long the runs agree, counting a call and its output as two items', () => {
    const unit = (output: number) => ({ item: 0, output, failed: false });
    const alignment = (diffs: RowDiff[], outputs: number[] = []) => {
      const aligned = rows(...diffs);
      const units = diffs.map((_, i) => unit(outputs.includes(i) ? 1 : -1));
      let samePrefix = 0;
      while (samePrefix < aligned.length && aligned[samePrefix].diff === 'same') samePrefix += 1;
      return { rows: aligned, unitsA: units.slice(0, diffs.filter((d) => d !== 'only-b').length), unitsB: units, samePrefix };
    };
    expect(headline(alignment(['same', 'same', 'changed'], [1]), 4, 4)).toBe('Same for the first 3 items, then they part.');
    expect(headline(alignment(['same', 'same']), 2, 2)).toBe('The runs are identical: the same 2 items, in the same order.');
    // Run A holds two items its snapshot side (B) left out, and the comparison set aside: the runs share two.
    expect(headline(alignment(['same', 'same']), 4, 2)).toBe('The runs are identical: the same 2 items, in the same order.');
    expect(headline(alignment(['same', 'only-b']), 1, 2)).toBe('Same for the first 1 item; then run B goes on alone.');
    expect(headline({ rows: [], unitsA: [], unitsB: [], samePrefix: 0 }, 0, 0)).toBe('Both runs are empty.');
    // Not "they differ from the first item": one of them has none.
    expect(headline(alignment(['only-b', 'only-b']), 0, 2)).toBe('Run A is empty; run B has 2 items.');
    expect(headline(alignment(['only-a']), 1, 0)).toBe('Run B is empty; run A has 1 item.');
  });
});

describe('followRows', () => {
  const row = (diff: RowDiff, a: number, b: number): AlignedRow => ({ diff, a, b });
  const same = (from: number, count: number, shift = 0) => Array.from({ length: count }, (_, i) => row('same', from + i, from + i + shift));

  it('keeps an opened fold and the current difference on their rows when rows above them move', () => {
    // A call pairs with its retry above the fold at first; a newer copy of one run sets them apart, a row each.
    const previous = [...same(0, 1), row('changed', 1, 1), ...same(2, 3), row('changed', 5, 5)];
    const next = [...same(0, 1), row('only-a', 1, -1), row('only-b', -1, 1), ...same(2, 3), row('changed', 5, 5)];
    const follow = followRows(previous, next);
    expect(follow(2)).toBe(3);
    expect(stretchStart(next, follow(2)!)).toBe(3);
    expect(follow(5)).toBe(6);
    // The changed row is no longer one.
    expect(follow(1)).toBeNull();
    const shown = displayRows(next, new Set([stretchStart(next, follow(2)!)]));
    expect(shown.filter((entry) => entry.kind === 'fold')).toEqual([]);
    expect(positionOfRow(shown, follow(5)!)).toBe(6);
  });

  it('follows a run of rows only one side has as the other run catches up with it', () => {
    // Run A is behind run B, and is still being written: its next item is the first of B's own.
    const previous = [...same(0, 7), ...[7, 8, 9, 10].map((b) => row('only-b', -1, b))];
    const next = [...same(0, 8), ...[8, 9, 10].map((b) => row('only-b', -1, b))];
    const follow = followRows(previous, next);
    // The fold of B's items, opened or current, is the fold of the ones B still has alone.
    expect(follow(7)).toBe(8);
    expect(stretchStart(next, follow(7)!)).toBe(8);
    expect(follow(4)).toBe(4);
    // Folded, a row of it makes its fold current.
    expect(positionOfRow(displayRows(next, new Set()), 9)).toBe(1);
  });
});
