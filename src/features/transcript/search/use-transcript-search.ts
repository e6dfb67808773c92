import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { TextIndexClient } from '../data/text-index-client';
import type { Slot, TranscriptIndex } from '../data/transcript-index';
import type { ViewRows } from '../list/view-rows';

const EMPTY: Slot[] = [];

export interface TranscriptSearch {
  /** The query the matches are for (it lags the input while typing, so typing never waits for a search). */
  query: string;
  /** View positions of the matching rows, top to bottom. */
  matches: number[];
  /** The oldest-first row of the match stepped to, if any. */
  currentRow: number | null;
  /** 1-based position of the current match among `matches`, or 0. */
  currentOrdinal: number;
  /** Steps to the next (1) or previous (-1) match after or before `fromView`, wrapping round; returns its view position. */
  step: (direction: 1 | -1, fromView: number | null) => number | null;
  /** Makes the first match at or below `fromView` current, as typing in a browser's find does; returns its view position. */
  start: (fromView: number | null) => number | null;
}

/** The oldest-first rows of matching slots; an output shown inside its call matches as the call's row. */
export function matchRows(index: TranscriptIndex, slots: readonly Slot[]): number[] {
  // A short query matches most of a long run: numbers in a typed array sort natively, with no comparator to call.
  const rows = new Float64Array(slots.length);
  let count = 0;
  for (const slot of slots) if (slot.offset < index[slot.end].length) rows[count++] = index.shownRowOf(slot);
  return sortedUnique(rows.subarray(0, count));
}

/** The numbers in ascending order, each once. Sorts `numbers` in place. */
function sortedUnique(numbers: Float64Array): number[] {
  numbers.sort();
  const out: number[] = [];
  for (let i = 0; i < numbers.length; i += 1) if (i === 0 || numbers[i] !== numbers[i - 1]) out.push(numbers[i]);
  return out;
}

/**
 * Searches every loaded item, not only the rows in the DOM. The text index matches off the page's thread; the
 * answer comes back as slots, which become rows here. A newer query or newer items ask again.
 */
export function useTranscriptSearch(index: TranscriptIndex, version: number, rows: ViewRows, query: string, textIndex: TextIndexClient | null): TranscriptSearch {
  const deferred = useDeferredValue(query);
  const [found, setFound] = useState<{ query: string; slots: Slot[] }>({ query: '', slots: [] });
  // The worker is asked as each key is typed, not once the deferred render has caught up: its answer is then
  // usually there by the time the page renders that query.
  useEffect(() => {
    if (!textIndex || !query.trim()) return;
    let current = true;
    void textIndex.search(query).then((slots) => {
      if (current) setFound({ query, slots });
    });
    return () => {
      current = false;
    };
  }, [textIndex, query, version]);
  const slots = deferred.trim() && found.query === deferred ? found.slots : EMPTY;
  // `version` changes when items arrive; the index itself is the same object throughout.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const matchedRows = useMemo(() => matchRows(index, slots), [index, version, slots]);
  const matches = useMemo(() => {
    const positions = new Float64Array(matchedRows.length);
    let count = 0;
    for (const row of matchedRows) {
      const position = rows.viewIndexOf(row);
      if (position !== null) positions[count++] = position;
    }
    return sortedUnique(positions.subarray(0, count));
  }, [matchedRows, rows]);
  const [current, setCurrent] = useState<{ query: string; row: number } | null>(null);
  const currentRow = current && current.query === deferred ? current.row : null;
  const currentView = currentRow === null ? null : rows.viewIndexOf(currentRow);
  const currentOrdinal = currentView === null ? 0 : matches.indexOf(currentView) + 1;

  const step = (direction: 1 | -1, fromView: number | null): number | null => {
    if (matches.length === 0) return null;
    const from = currentView ?? fromView;
    let next: number | undefined;
    if (from === null) next = direction === 1 ? matches[0] : matches.at(-1);
    else if (direction === 1) next = matches.find((position) => (currentView === null ? position >= from : position > from)) ?? matches[0];
    else next = matches.findLast((position) => (currentView === null ? position <= from : position < from)) ?? matches.at(-1);
    if (next === undefined) return null;
    setCurrent({ query: deferred, row: rows.rowAt(next) });
    return next;
  };

  const start = (fromView: number | null): number | null => {
    const next = matches.find((position) => position >= (fromView ?? 0)) ?? matches[0];
    if (next === undefined) return null;
    setCurrent({ query: deferred, row: rows.rowAt(next) });
    return next;
  };

  return { query: deferred, matches, currentRow, currentOrdinal, step, start };
}
