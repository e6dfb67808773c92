import type { Range } from '@tanstack/react-virtual';

/** Rows rendered beyond each edge of the screen while the list is still. */
export const RESTING_OVERSCAN = 4;
/** While it scrolls, rows rendered ahead of the screen in the scroll's direction (none behind). */
const AHEAD_WHILE_SCROLLING = 3;

/** The view positions from `before` rows above the screen's first to `after` rows below its last. */
export function rowsAround({ startIndex, endIndex, count }: Range, before: number, after: number): number[] {
  const first = Math.max(0, startIndex - before);
  const last = Math.min(count - 1, endIndex + after);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => first + offset);
}

// Constant functions: the virtualiser works its rows out again when the function changes, not while it stays.
const AT_REST = (range: Range) => rowsAround(range, RESTING_OVERSCAN, RESTING_OVERSCAN);
const FORWARD = (range: Range) => rowsAround(range, 0, AHEAD_WHILE_SCROLLING);
const BACKWARD = (range: Range) => rowsAround(range, AHEAD_WHILE_SCROLLING, 0);
const SCREEN_ONLY = (range: Range) => rowsAround(range, 0, 0);

/**
 * Which rows the list renders (TanStack Virtual's range extractor), by how it moves: still, a few rows either side,
 * so a small scroll and the keyboard find them there; while it scrolls (a jump, a drag of the scroll bar, a fling),
 * each frame renders the rows it shows and a few ahead of the scroll, the browser's share of a frame being the rows
 * it lays out, and the rows around them follow once the scroll stops. A list's first rows are the screen's alone: the
 * task that shows them is the heaviest a transcript has, and the rows around them follow in one of their own.
 */
export function renderedRows(scrolling: 'forward' | 'backward' | null, firstRows = false): (range: Range) => number[] {
  if (firstRows) return SCREEN_ONLY;
  return scrolling === 'forward' ? FORWARD : scrolling === 'backward' ? BACKWARD : AT_REST;
}
