import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { inTask, sliceDeadline } from '../../../lib/work-in-slices';
import type { TextIndexClient } from '../data/text-index-client';
import type { MatchOffsets } from '../data/text-index-protocol';
import type { Slot, TranscriptIndex } from '../data/transcript-index';
import type { ViewRows } from '../list/view-rows';

const NO_ROWS: number[] = [];

export interface TranscriptSearch {
  /** The query the matches are for (it lags the input while typing, so typing never waits for a search). */
  query: string;
  /** View positions of the matching rows, top to bottom. */
  matches: number[];
  /** The oldest-first rows of the matches, the filter's and folded turns' hidden ones too. */
  matchedRows: readonly number[];
  /** Whether `matches` are the text index's answer for `query`: false while it is still searching, when none is not yet an answer. */
  answered: boolean;
  /** The oldest-first row of the match stepped to, if any. */
  currentRow: number | null;
  /** 1-based position of the current match among `matches`, or 0. */
  currentOrdinal: number;
  /** Steps to the next (1) or previous (-1) match after or before `fromView`, wrapping round; returns its view position. */
  step: (direction: 1 | -1, fromView: number | null) => number | null;
  /** Makes the first match at or below `fromView` current, as typing in a browser's find does; returns its view position. */
  start: (fromView: number | null) => number | null;
}

/**
 * Reads a query's match offsets as oldest-first rows, as far as `shouldStop` lets it at each call (it says true once
 * everything is read); an output shown inside its call matches as the call's row. The tail's offsets count from the
 * newest item, so they are read backwards and the rows mostly come in order.
 */
function matchRowReader(index: TranscriptIndex, offsets: MatchOffsets) {
  const total = offsets.head.length + offsets.tail.length + offsets.live.length;
  const shown = new Float64Array(total);
  let count = 0;
  let at = 0;
  const slot: Slot = { end: 'head', offset: 0 };
  const slotAt = (position: number): Slot => {
    if (position < offsets.head.length) return Object.assign(slot, { end: 'head', offset: offsets.head[position] });
    const inTail = position - offsets.head.length;
    if (inTail < offsets.tail.length) return Object.assign(slot, { end: 'tail', offset: offsets.tail[offsets.tail.length - 1 - inTail] });
    return Object.assign(slot, { end: 'live', offset: offsets.live[inTail - offsets.tail.length] });
  };
  return {
    read(shouldStop: () => boolean): boolean {
      for (; at < total; at += 1) {
        if (shouldStop()) return false;
        const next = slotAt(at);
        if (next.offset < index[next.end].length) shown[count++] = index.shownRowOf(next);
      }
      return true;
    },
    rows: () => ascendingUnique(shown.subarray(0, count)),
  };
}

/** The oldest-first rows of a query's matches, read at once. */
export function matchRows(index: TranscriptIndex, offsets: MatchOffsets): number[] {
  const reader = matchRowReader(index, offsets);
  reader.read(() => false);
  return reader.rows();
}

/**
 * The numbers in ascending order, each once; may reorder `numbers` in place. Matches mostly come in order (or in
 * reverse, newest first), and a check costs far less than sorting tens of thousands of them.
 */
function ascendingUnique(numbers: Float64Array): number[] {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < numbers.length && (ascending || descending); i += 1) {
    if (numbers[i] < numbers[i - 1]) ascending = false;
    else if (numbers[i] > numbers[i - 1]) descending = false;
  }
  if (!ascending) {
    if (descending) numbers.reverse();
    else numbers.sort();
  }
  const out: number[] = [];
  for (let i = 0; i < numbers.length; i += 1) if (i === 0 || numbers[i] !== numbers[i - 1]) out.push(numbers[i]);
  return out;
}

/** The view positions of oldest-first rows, top to bottom; rows the view leaves out are left out. */
function viewPositions(matchedRows: readonly number[], rows: ViewRows): number[] {
  const positions = new Float64Array(matchedRows.length);
  let count = 0;
  for (const row of matchedRows) {
    const position = rows.viewIndexOf(row);
    if (position !== null) positions[count++] = position;
  }
  return ascendingUnique(positions.subarray(0, count));
}

/** A query's matches as rows and as view positions in `rows`. */
interface Mapped {
  query: string;
  rows: ViewRows;
  matchedRows: number[];
  matches: number[];
}

/**
 * The rows of matching offsets, then their view positions, a slice per task: a one-letter query matches most of a
 * long run, and mapping tens of thousands of matches took a task of its own over 50 ms (or a keystroke's render, when
 * it landed there). Calls `done` with the result, unless cancelled first.
 */
export function mapMatchesInSlices(index: TranscriptIndex, offsets: MatchOffsets, rows: ViewRows, done: (matchedRows: number[], matches: number[]) => void): () => void {
  const reader = matchRowReader(index, offsets);
  let cancel: (() => void) | null = null;
  const slice = () => {
    if (!reader.read(sliceDeadline())) {
      cancel = inTask(slice);
      return;
    }
    cancel = null;
    const matchedRows = reader.rows();
    done(matchedRows, viewPositions(matchedRows, rows));
  };
  cancel = inTask(slice);
  return () => cancel?.();
}

/**
 * Searches every loaded item, not only the rows in the DOM. The text index matches off the page's thread; the
 * answer comes back as slots, which become rows here. A newer query or newer items ask again.
 */
export function useTranscriptSearch(index: TranscriptIndex, version: number, rows: ViewRows, query: string, textIndex: TextIndexClient | null): TranscriptSearch {
  const deferred = useDeferredValue(query);
  const [found, setFound] = useState<Mapped | null>(null);
  // The rows a newly found answer is mapped to: those of the render that asked, or of a later one.
  const rowsNow = useRef(rows);
  useEffect(() => {
    rowsNow.current = rows;
  }, [rows]);
  // The worker is asked as each key is typed, not once the deferred render has caught up: its answer is then
  // usually there by the time the page renders that query. The answer becomes rows outside the page's renders.
  useEffect(() => {
    if (!textIndex || !query.trim()) return;
    let current = true;
    let cancelMapping: (() => void) | undefined;
    void textIndex.searchOffsets(query).then((offsets) => {
      if (!current) return;
      const mappedRows = rowsNow.current;
      cancelMapping = mapMatchesInSlices(index, offsets, mappedRows, (matchedRows, matches) => {
        if (current) setFound({ query, rows: mappedRows, matchedRows, matches });
      });
    });
    return () => {
      current = false;
      cancelMapping?.();
    };
    // `version` changes when items arrive (the index is the same object throughout): they are searched too.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [textIndex, index, query, version]);
  const answer = deferred.trim() && found?.query === deferred ? found : null;
  // Rows that changed since (a filter, the order) place the same matches again, here: one lookup per match.
  const matches = useMemo(() => (!answer ? NO_ROWS : answer.rows === rows ? answer.matches : viewPositions(answer.matchedRows, rows)), [answer, rows]);
  const [current, setCurrent] = useState<{ query: string; row: number } | null>(null);
  const heldRow = current && current.query === deferred ? current.row : null;
  const currentView = heldRow === null ? null : rows.viewIndexOf(heldRow);
  const currentOrdinal = currentView === null ? 0 : matches.indexOf(currentView) + 1;
  // An item that matched no longer does (a live update rewrote it): it is no longer marked as the current match, and
  // the next step goes on from where it is.
  const currentRow = currentOrdinal > 0 ? heldRow : null;

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

  return { query: deferred, matches, matchedRows: answer?.matchedRows ?? NO_ROWS, answered: !deferred.trim() || answer !== null, currentRow, currentOrdinal, step, start };
}
