import type { Range } from '@tanstack/react-virtual';

/**
 * `extract`'s rows, and the row `kept()` names when it is not among them: the row that holds the focus. Removing it
 * would drop the focus to the page (a keyboard reader loses their place, a screen reader starts again from the top),
 * so it stays rendered wherever the screen goes, one row more. For a virtualised list's range extractor.
 */
export function keepingRow(extract: (range: Range) => number[], kept: () => number | null): (range: Range) => number[] {
  return (range) => {
    const rows = extract(range);
    const row = kept();
    if (row === null || row >= range.count || rows.includes(row)) return rows;
    return rows.length === 0 || row < rows[0] ? [row, ...rows] : [...rows, row];
  };
}

/**
 * The position of the row of `list` that holds the focus, itself or one of its controls, read from the row's
 * `data-<attribute>` (a row is an element that has one); null if no row of this list does.
 */
export function rowHoldingFocus(list: HTMLElement | null, attribute: string): number | null {
  const row = document.activeElement?.closest<HTMLElement>(`[data-${attribute}]`);
  if (!row || !list?.contains(row)) return null;
  const position = Number(row.getAttribute(`data-${attribute}`));
  return Number.isInteger(position) && position >= 0 ? position : null;
}
