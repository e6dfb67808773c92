import type { Slot, TranscriptIndex } from '../data/transcript-index';
import type { ItemKind } from '../lib/item-filter';
import type { ItemOrder } from '../types';

/** The rows the list shows, in the reader's order, as oldest-first rows of the index (the gap included). */
export interface ViewRows {
  count: number;
  /** Outputs shown inside their call's row rather than in rows of their own. */
  folded: number;
  rowAt: (viewIndex: number) => number;
  /** The view position of an oldest-first row, or null when the filter hides it. */
  viewIndexOf: (row: number) => number | null;
}

/** Turns of the compact view: the rows where turns start (oldest first) and the ones folded away. */
export interface CollapsedTurns {
  starts: readonly number[];
  collapsed: ReadonlySet<number>;
}

const NO_TURNS: CollapsedTurns = { starts: [], collapsed: new Set() };

export interface RowChoice {
  /** Oldest-first rows shown whatever the filter and folded turns say: a failure or a linked item the reader asked for. */
  reveal?: ReadonlySet<number>;
  /** When set, only these oldest-first rows are shown (the gap aside), e.g. the failures. */
  only?: ReadonlySet<number> | null;
}

/**
 * Order and the kind filter are views of the same loaded items: newest first only reverses the positions,
 * and a filter keeps a list of the rows it lets through; no item is copied. An output whose call is loaded
 * has no row: it is shown inside its call's, so stepping and the position skip it.
 */
export function buildViewRows(index: TranscriptIndex, order: ItemOrder, hidden: ReadonlySet<ItemKind>, turns: CollapsedTurns = NO_TURNS, choice: RowChoice = {}): ViewRows {
  const total = index.rowCount;
  const { reveal, only } = choice;
  if (hidden.size === 0 && index.foldableCount === 0 && turns.collapsed.size === 0 && !only) {
    const flip = (i: number) => (order === 'asc' ? i : total - 1 - i);
    return { count: total, folded: 0, rowAt: flip, viewIndexOf: (row) => (row >= 0 && row < total ? flip(row) : null) };
  }
  const rows: number[] = [];
  let folded = 0;
  let nextTurn = 0;
  let inCollapsedTurn = false;
  const scratch: Slot = { end: 'head', offset: 0 };
  for (let row = 0; row < total; row += 1) {
    const slot = index.slotInto(row, scratch);
    while (nextTurn < turns.starts.length && turns.starts[nextTurn] < row) nextTurn += 1;
    if (nextTurn < turns.starts.length && turns.starts[nextTurn] === row) inCollapsedTurn = turns.collapsed.has(row);
    else if (inCollapsedTurn && slot && !reveal?.has(row)) continue;
    if (!slot) rows.push(row);
    else if (only && !only.has(row)) continue;
    else if (hidden.has(index.kinds[slot.end][slot.offset]) && !reveal?.has(row)) continue;
    else if (index.isFolded(slot)) folded += 1;
    else rows.push(row);
  }
  if (order === 'desc') rows.reverse();
  // A typed array, not a Map: this is rebuilt as pages arrive, 50,000 rows at a time on a long run.
  const positions = new Int32Array(total).fill(-1);
  for (let i = 0; i < rows.length; i += 1) positions[rows[i]] = i;
  return { count: rows.length, folded, rowAt: (i) => rows[i], viewIndexOf: (row) => (row >= 0 && row < total && positions[row] >= 0 ? positions[row] : null) };
}
