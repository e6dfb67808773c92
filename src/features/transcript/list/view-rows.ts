import { ENDS, type End, type Slot, type TranscriptIndex } from '../data/transcript-index';
import { indexInSorted, lastAtMost } from '../../../lib/sorted-search';
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
  /** Oldest-first rows shown though their turn is folded (the filter still applies): the matches of a search. */
  open?: ReadonlySet<number>;
  /** When set, only these oldest-first rows are shown (the gap and revealed rows aside), e.g. the failures, whatever their kind. */
  only?: ReadonlySet<number> | null;
}

/**
 * Order and the kind filter are views of the same loaded items: newest first only reverses the positions,
 * and a filter keeps a list of the rows it lets through; no item is copied. An output whose call is loaded
 * has no row: it is shown inside its call's, so stepping and the position skip it.
 */
export function buildViewRows(index: TranscriptIndex, order: ItemOrder, hidden: ReadonlySet<ItemKind>, turns: CollapsedTurns = NO_TURNS, choice: RowChoice = {}): ViewRows {
  const total = index.rowCount;
  const { reveal, only, open } = choice;
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
    else if (inCollapsedTurn && slot && !reveal?.has(row) && !open?.has(row)) continue;
    if (!slot) rows.push(row);
    else if (only && !only.has(row) && !reveal?.has(row)) continue;
    // The rows asked for by Failures only or a tool's filter show whatever the kind filter hides.
    else if (hidden.has(index.kinds[slot.end][slot.offset]) && !reveal?.has(row) && !only?.has(row)) continue;
    else if (index.isFolded(slot)) folded += 1;
    else rows.push(row);
  }
  if (order === 'desc') rows.reverse();
  // A typed array, not a Map: this is rebuilt as pages arrive, 50,000 rows at a time on a long run.
  const positions = new Int32Array(total).fill(-1);
  for (let i = 0; i < rows.length; i += 1) positions[rows[i]] = i;
  return { count: rows.length, folded, rowAt: (i) => rows[i], viewIndexOf: (row) => (row >= 0 && row < total && positions[row] >= 0 ? positions[row] : null) };
}

type Shown = Record<End, number[]>;

/**
 * The view rows of a run that is still loading, kept between versions: each build reads only the items that arrived
 * since the last one (and takes out outputs whose call has arrived since), instead of walking all 50,000 rows again
 * each time a slice of items comes in. It keeps, for each end of the index, the offsets of the items it shows, in
 * order; row numbers are worked out when asked, since the tail's move as the head grows. Folded turns, the failures
 * filter and revealed rows go through `buildViewRows`, as does anything the index changed in place.
 */
export class ViewRowsBuilder {
  private epoch = -1;
  private filter = '';
  private index: TranscriptIndex | null = null;
  private readonly seen = { head: 0, tail: 0, live: 0 };
  private shown: Shown = { head: [], tail: [], live: [] };
  private folded = 0;
  private foldedRead = 0;

  build(index: TranscriptIndex, order: ItemOrder, hidden: ReadonlySet<ItemKind>, turns: CollapsedTurns = NO_TURNS, choice: RowChoice = {}): ViewRows {
    if (turns.collapsed.size > 0 || choice.only || (choice.reveal && choice.reveal.size > 0) || (hidden.size === 0 && index.foldableCount === 0)) {
      return buildViewRows(index, order, hidden, turns, choice);
    }
    const filter = [...hidden].sort().join(',');
    if (index !== this.index || index.epoch !== this.epoch || filter !== this.filter || index.foldedLater.length < this.foldedRead || ENDS.some((end) => index[end].length < this.seen[end])) {
      this.index = index;
      this.epoch = index.epoch;
      this.filter = filter;
      this.shown = { head: [], tail: [], live: [] };
      this.seen.head = this.seen.tail = this.seen.live = 0;
      this.folded = 0;
      this.foldedRead = index.foldedLater.length;
    }
    // Outputs shown earlier whose call has arrived since: their rows go (a copy, so rows built before stay as they were).
    for (; this.foldedRead < index.foldedLater.length; this.foldedRead += 1) {
      const slot = index.foldedLater[this.foldedRead];
      if (slot.offset >= this.seen[slot.end]) continue;
      const at = indexInSorted(this.shown[slot.end], slot.offset);
      if (at === -1) continue;
      const kept = this.shown[slot.end].slice();
      kept.splice(at, 1);
      this.shown = { ...this.shown, [slot.end]: kept };
      this.folded += 1;
    }
    const scratch: Slot = { end: 'head', offset: 0 };
    for (const end of ENDS) {
      const kinds = index.kinds[end];
      const shown = this.shown[end];
      scratch.end = end;
      for (let offset = this.seen[end]; offset < kinds.length; offset += 1) {
        if (hidden.has(kinds[offset])) continue;
        scratch.offset = offset;
        if (index.isFolded(scratch)) this.folded += 1;
        else shown.push(offset);
      }
      this.seen[end] = kinds.length;
    }
    return this.view(index, order);
  }

  private view(index: TranscriptIndex, order: ItemOrder): ViewRows {
    const { head, tail, live } = this.shown;
    // Lengths now: the arrays grow after this build, and these rows must keep meaning what they mean now.
    const headShown = head.length;
    const tailShown = tail.length;
    const liveShown = live.length;
    const headLength = index.head.length;
    const tailLength = index.tail.length;
    const gap = index.gapRow === null ? 0 : 1;
    const count = headShown + gap + tailShown + liveShown;
    const ascRowAt = (i: number): number => {
      if (i < headShown) return head[i];
      let rest = i - headShown;
      if (gap) {
        if (rest === 0) return headLength;
        rest -= 1;
      }
      // The tail is held newest first: its oldest shown item comes first.
      if (rest < tailShown) return headLength + gap + (tailLength - 1 - tail[tailShown - 1 - rest]);
      return headLength + gap + tailLength + live[rest - tailShown];
    };
    const ascViewIndexOf = (row: number): number | null => {
      if (row < 0) return null;
      if (row < headLength) {
        const at = indexInSorted(head, row, headShown);
        return at === -1 ? null : at;
      }
      let rest = row - headLength;
      if (gap) {
        if (rest === 0) return headShown;
        rest -= 1;
      }
      if (rest < tailLength) {
        const at = indexInSorted(tail, tailLength - 1 - rest, tailShown);
        return at === -1 ? null : headShown + gap + (tailShown - 1 - at);
      }
      rest -= tailLength;
      const at = indexInSorted(live, rest, liveShown);
      return at === -1 ? null : headShown + gap + tailShown + at;
    };
    const flip = (i: number) => count - 1 - i;
    // The virtualiser asks for every row's key each time it lays the list out: laid out flat once, on first ask.
    let flat: Int32Array | null = null;
    const rowAt = (i: number) => {
      if (!flat) {
        flat = new Int32Array(count);
        for (let view = 0; view < count; view += 1) flat[view] = ascRowAt(order === 'asc' ? view : flip(view));
      }
      return flat[i];
    };
    return {
      count,
      folded: this.folded,
      rowAt,
      viewIndexOf: (row) => {
        const view = ascViewIndexOf(row);
        return view === null || order === 'asc' ? view : flip(view);
      },
    };
  }
}

/**
 * The turn a row belongs to, as the row its turn starts at: BEFORE_TURNS before the first turn (null when there is no
 * turn), null for rows past the gap of a run still loading that come before the first turn starting past it (their
 * turn's start is not known yet); the gap row is a turn of its own (-1).
 */
function turnKeyOf(starts: readonly number[], row: number, gapRow: number | null): number | null {
  if (gapRow !== null && row === gapRow) return -1;
  const start = lastAtMost(starts, row);
  if (start === null) return starts.length > 0 && (gapRow === null || row < gapRow) ? BEFORE_TURNS : null;
  return gapRow !== null && row > gapRow && start < gapRow ? null : start;
}

/**
 * The key of the rows before the first turn (system and developer messages, tools set up), once a turn follows them:
 * they get a header of their own, so newest first they do not read as part of turn 1, under its header.
 */
export const BEFORE_TURNS = -2;

/**
 * The turn whose header goes above view position `viewIndex` in the compact view, as the oldest-first row the turn
 * starts at, or null. A header heads its turn's rows as they are shown: above the user message that opens it oldest
 * first, above its newest row newest first (the message comes last there). A turn whose first message the filter
 * hides has no header: folded, nothing of it would show. `gapRow` is the index's row for what is not loaded yet.
 */
export function turnHeadAt(rows: ViewRows, starts: readonly number[], viewIndex: number, gapRow: number | null = null): number | null {
  const start = turnKeyOf(starts, rows.rowAt(viewIndex), gapRow);
  if (start === null || start === -1 || (start !== BEFORE_TURNS && rows.viewIndexOf(start) === null)) return null;
  return viewIndex === 0 || turnKeyOf(starts, rows.rowAt(viewIndex - 1), gapRow) !== start ? start : null;
}
