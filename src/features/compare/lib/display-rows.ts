import type { AlignedRow } from './align-runs';

/** What the list shows: an aligned row, or a run of same rows folded into one line. */
export type DisplayRow = { kind: 'row'; row: number } | { kind: 'fold'; start: number; count: number };

/** Shorter runs of same rows are shown as they are: a fold line would take as much room as they do. */
const MIN_FOLD = 3;

/** Folds each run of same rows (unless the reader opened it, by its first row) into one line. */
export function displayRows(rows: readonly AlignedRow[], opened: ReadonlySet<number>): DisplayRow[] {
  const shown: DisplayRow[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i].diff !== 'same') {
      shown.push({ kind: 'row', row: i });
      i += 1;
      continue;
    }
    let end = i;
    while (end < rows.length && rows[end].diff === 'same') end += 1;
    if (end - i >= MIN_FOLD && !opened.has(i)) shown.push({ kind: 'fold', start: i, count: end - i });
    else for (let row = i; row < end; row += 1) shown.push({ kind: 'row', row });
    i = end;
  }
  return shown;
}

/** Positions in the shown list of the rows that differ, in order. */
export function differencePositions(shown: readonly DisplayRow[], rows: readonly AlignedRow[]): number[] {
  const positions: number[] = [];
  shown.forEach((entry, position) => {
    if (entry.kind === 'row' && rows[entry.row].diff !== 'same') positions.push(position);
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

/** "Same for the first 8 items", "The runs are identical", "They differ from the first item". */
export function headline(rows: readonly AlignedRow[], samePrefix: number, countA: number, countB: number): string {
  const items = (n: number) => `${n.toLocaleString('en')} item${n === 1 ? '' : 's'}`;
  if (countA === 0 && countB === 0) return 'Both runs are empty.';
  if (samePrefix === rows.length) return `The runs are identical: the same ${items(countA)}, in the same order.`;
  if (samePrefix === 0) return 'The runs differ from the first item.';
  if (samePrefix === Math.min(countA, countB)) return `Same for the first ${items(samePrefix)}; then run ${countA > countB ? 'A' : 'B'} goes on alone.`;
  return `Same for the first ${items(samePrefix)}, then they part.`;
}
