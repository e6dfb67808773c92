/**
 * Whether, between two frames of a jump settling, the reader scrolled the page away in a way no wheel, touch or key
 * told of (the scroll bar, the browser's find, assistive technology): the page moved by more than half a screen, and
 * by that much more than the row did. A row that moved while the page stood still is no scroll of the reader's: the
 * list's place on the page first measured, or a summary above it growing, moves every row.
 */
export function readerScrolledAway(pageMoved: number, rowMoved: number, screenHeight: number): boolean {
  const far = screenHeight / 2;
  return Math.abs(pageMoved) > far && Math.abs(pageMoved - rowMoved) > far;
}
