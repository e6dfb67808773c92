import { useDeferredValue, useMemo, useState } from 'react';
import type { TranscriptIndex } from '../data/transcript-index';
import type { ViewRows } from '../list/view-rows';
import { findMatches } from './find-matches';

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

/** Searches every loaded item, not only the rows in the DOM; the index holds each item's text already. */
export function useTranscriptSearch(index: TranscriptIndex, version: number, rows: ViewRows, query: string): TranscriptSearch {
  const deferred = useDeferredValue(query);
  // `version` changes when items arrive; the index itself is the same object throughout.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const matchRows = useMemo(() => findMatches(index, deferred), [index, version, deferred]);
  const matches = useMemo(() => {
    const positions: number[] = [];
    for (const row of matchRows) {
      const position = rows.viewIndexOf(row);
      if (position !== null) positions.push(position);
    }
    return positions.sort((a, b) => a - b);
  }, [matchRows, rows]);
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
