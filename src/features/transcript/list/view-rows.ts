import type { TranscriptIndex } from '../data/transcript-index';
import type { ItemKind } from '../lib/item-filter';
import type { ItemOrder } from '../types';

/** The rows the list shows, in the reader's order, as oldest-first rows of the index (the gap included). */
export interface ViewRows {
  count: number;
  rowAt: (viewIndex: number) => number;
  /** The view position of an oldest-first row, or null when the filter hides it. */
  viewIndexOf: (row: number) => number | null;
}

/**
 * Order and the kind filter are views of the same loaded items: newest first only reverses the positions,
 * and a filter keeps a list of the rows it lets through; no item is copied.
 */
export function buildViewRows(index: TranscriptIndex, order: ItemOrder, hidden: ReadonlySet<ItemKind>): ViewRows {
  const total = index.rowCount;
  if (hidden.size === 0) {
    const flip = (i: number) => (order === 'asc' ? i : total - 1 - i);
    return { count: total, rowAt: flip, viewIndexOf: (row) => (row >= 0 && row < total ? flip(row) : null) };
  }
  const rows: number[] = [];
  for (let row = 0; row < total; row += 1) {
    const slot = index.slotAt(row);
    if (!slot || !hidden.has(index.kinds[slot.end][slot.offset])) rows.push(row);
  }
  if (order === 'desc') rows.reverse();
  const positions = new Map(rows.map((row, i) => [row, i]));
  return { count: rows.length, rowAt: (i) => rows[i], viewIndexOf: (row) => positions.get(row) ?? null };
}
