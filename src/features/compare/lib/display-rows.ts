import type { AlignedRow, Alignment } from './align-runs';
import { formatCount } from '../../../shared/format';

/**
 * What the list shows: an aligned row, or a run of rows folded into one line, as a diff folds its hunks: rows both
 * runs share, or (`only`) rows only one of them has.
 */
export type DisplayRow = { kind: 'row'; row: number } | { kind: 'fold'; start: number; count: number; items: number; only?: 'a' | 'b' };

/** The aligned row an entry shows first: a fold's first row is where its rows go once it is opened. */
export const firstRow = (entry: DisplayRow): number => (entry.kind === 'row' ? entry.row : entry.start);

/** Items in an aligned row, as the transcript counts them: a call and its folded output are two. */
export function itemsInRow(alignment: Pick<Alignment, 'rows' | 'unitsA' | 'unitsB'>, row: number): number {
  const { a, b } = alignment.rows[row];
  const unit = a >= 0 ? alignment.unitsA[a] : alignment.unitsB[b];
  return unit.output >= 0 ? 2 : 1;
}

/** Shorter runs are shown as they are: a fold line would take as much room as they do. */
const MIN_FOLD = 3;

const ONLY = { 'only-a': 'a', 'only-b': 'b' } as const;

/**
 * Folds each run of same rows, and each run of rows only one run has (unless the reader opened it, by its first row),
 * into one line.
 */
export function displayRows(rows: readonly AlignedRow[], opened: ReadonlySet<number>, itemsIn: (row: number) => number = () => 1): DisplayRow[] {
  const shown: DisplayRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const { diff } = rows[i];
    if (diff === 'changed') {
      shown.push({ kind: 'row', row: i });
      i += 1;
      continue;
    }
    let end = i;
    while (end < rows.length && rows[end].diff === diff) end += 1;
    if (end - i >= MIN_FOLD && !opened.has(i)) {
      let items = 0;
      for (let row = i; row < end; row += 1) items += itemsIn(row);
      shown.push({ kind: 'fold', start: i, count: end - i, items, ...(diff === 'same' ? {} : { only: ONLY[diff] }) });
    }
    else for (let row = i; row < end; row += 1) shown.push({ kind: 'row', row });
    i = end;
  }
  return shown;
}

/** The shown position of an aligned row: its own line, or the fold it is in; null when it is not in the list. */
export function positionOfRow(shown: readonly DisplayRow[], row: number): number | null {
  const position = shown.findIndex((entry) => (entry.kind === 'row' ? entry.row === row : row >= entry.start && row < entry.start + entry.count));
  return position === -1 ? null : position;
}

/** The first row of the run of rows of the same kind that `row` is in: the row a fold of them is opened by. */
export function stretchStart(rows: readonly AlignedRow[], row: number): number {
  let start = row;
  while (start > 0 && rows[start - 1].diff === rows[row].diff) start -= 1;
  return start;
}

/**
 * Where the rows of one alignment went in the next, for what the page remembers by row (opened folds, the current
 * difference): a live update can realign rows above them. A row follows the unit of run A it holds (of run B, for a
 * row only B has), which keeps its place as the runs grow; where that unit's row is now of another kind (an item only
 * B had, which A has now too), the next row of its run of rows of the same kind that still is. Null when none is.
 */
export function followRows(previous: readonly AlignedRow[], next: readonly AlignedRow[]): (row: number) => number | null {
  const rowOfA: number[] = [];
  const rowOfB: number[] = [];
  next.forEach((aligned, row) => {
    if (aligned.a >= 0) rowOfA[aligned.a] = row;
    if (aligned.b >= 0) rowOfB[aligned.b] = row;
  });
  return (row) => {
    const diff = previous[row]?.diff;
    for (let old = row; old < previous.length && previous[old].diff === diff; old += 1) {
      const moved = previous[old].a >= 0 ? rowOfA[previous[old].a] : rowOfB[previous[old].b];
      if (moved !== undefined && next[moved].diff === diff) return moved;
      // A row of its own is followed alone; a run of same or one-sided rows, by any row of it.
      if (diff === 'changed') break;
    }
    return null;
  };
}

/** Positions in the shown list of the rows that differ, and of the folds of one-sided rows, in order. */
export function differencePositions(shown: readonly DisplayRow[], rows: readonly AlignedRow[]): number[] {
  const positions: number[] = [];
  shown.forEach((entry, position) => {
    if (entry.kind === 'row' ? rows[entry.row].diff !== 'same' : entry.only !== undefined) positions.push(position);
  });
  return positions;
}

/** The difference to go to from `from` (a shown position, or null before any), stepping forward or back. */
export function stepDifference(positions: readonly number[], from: number | null, direction: 1 | -1): number | null {
  if (positions.length === 0) return null;
  if (from === null) return direction === 1 ? positions[0] : positions[positions.length - 1];
  if (direction === 1) return positions.find((position) => position > from) ?? null;
  for (let i = positions.length - 1; i >= 0; i -= 1) if (positions[i] < from) return positions[i];
  return null;
}

/** "Same for the first 11 items", "The runs are identical", "They differ from the first item"; items counted as the transcript does. */
export function headline(alignment: Pick<Alignment, 'rows' | 'unitsA' | 'unitsB' | 'samePrefix'>, itemsA: number, itemsB: number): string {
  const items = (n: number) => `${formatCount(n)} item${n === 1 ? '' : 's'}`;
  const { rows, samePrefix, unitsA, unitsB } = alignment;
  if (itemsA === 0 && itemsB === 0) return 'Both runs are empty.';
  if (itemsA === 0 || itemsB === 0) return `Run ${itemsA === 0 ? 'A' : 'B'} is empty; run ${itemsA === 0 ? 'B' : 'A'} has ${items(itemsA || itemsB)}.`;
  // Counted from the rows, not the runs: what a snapshot left out of one side is in neither.
  let shared = 0;
  for (let row = 0; row < samePrefix; row += 1) shared += itemsInRow(alignment, row);
  if (samePrefix === rows.length) return `The runs are identical: the same ${items(shared)}, in the same order.`;
  if (samePrefix === 0) return 'The runs differ from the first item.';
  if (samePrefix === Math.min(unitsA.length, unitsB.length)) return `Same for the first ${items(shared)}; then run ${unitsA.length > unitsB.length ? 'A' : 'B'} goes on alone.`;
  return `Same for the first ${items(shared)}, then they part.`;
}
