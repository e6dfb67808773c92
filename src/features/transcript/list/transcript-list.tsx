import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { createElement, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useReducer, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { TranscriptIndex, type Slot } from '../data/transcript-index';
import type { TranscriptLoad } from '../data/use-transcript';
import { rendererFor } from '../components/item-renderers';
import type { ItemViewProps } from '../components/item-view-props';
import { LongText } from '../components/content/long-text';
import { toPrettyJson } from '../lib/json-text';
import { partnerOf } from '../lib/pair-tool-calls';
import { RemovedNotice } from '../live/removed-notice';
import { atNewestEnd, nearListEnd, newestView, useFollowNewest } from '../live/use-follow-newest';
import type { ConversationItem } from '../types';
import { collapsedByDefault } from '../../../shared/items/item-catalog';
import { isTypingTarget } from '../../../lib/typing-target';
import { useAttachWithoutLayout } from '../../../lib/attach-without-layout';
import { useScrollMargin } from '../../../lib/use-scroll-margin';
import { keepingRow, rowHoldingFocus } from '../../../lib/keeping-row';
import { RowKeyContext } from './item-ui-store';
import { CurrentMatchContext } from '../search/search-query-context';
import { keepReaderLine, RowMeasurer } from './row-measurer';
import { renderedRows, RESTING_OVERSCAN } from './rendered-rows';
import { readerScrolledAway } from './reader-scrolled-away';
import { showRange } from './show-range';
import { inTask } from '../../../lib/work-in-slices';
import { TurnHeader, type TurnHeaders } from './turn-header';
import { turnHeadAt, type ViewRows } from './view-rows';
import { formatCount } from '../../../shared/format';

function BrokenItem({ item, error }: { item: ConversationItem; error: unknown }) {
  return (
    <article
      data-item-id={item.id}
      data-item-type={item.type}
      data-fallback=""
      className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="mb-2 font-medium text-red-900 dark:text-red-100">
        This {String(item.type).slice(0, 60)} item could not be displayed ({error instanceof Error ? error.message : 'unknown error'}). Its raw JSON:
      </p>
      <LongText text={toPrettyJson(item)} variant="code" />
    </article>
  );
}

export const ItemView = memo(function ItemView(props: ItemViewProps) {
  return (
    <ErrorBoundary fallbackRender={({ error }: FallbackProps) => <BrokenItem item={props.item} error={error} />}>
      {createElement(rendererFor(props.item.type), props)}
    </ErrorBoundary>
  );
});

function GapRow({ loaded, load }: { loaded: number; load: TranscriptLoad }) {
  return (
    <div data-testid="transcript-gap" className="rounded-xl border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      {load.state === 'loading' ? (
        <span className="inline-flex items-center gap-2">
          <span className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden="true" />
          Loading the items in between… {formatCount(loaded)} loaded so far
        </span>
      ) : (
        <span className="inline-flex flex-wrap items-center justify-center gap-2">
          The items between here and the {loaded > 0 ? 'next loaded item' : 'end'} have not loaded.
          <button type="button" onClick={load.resume} className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700">
            Load the rest
          </button>
        </span>
      )}
    </div>
  );
}

/** A part of a row to bring on screen with it (a search match): found again in each frame, as the row renders and grows. */
export type PartOfRow = (row: Element) => Range | null;

export interface TranscriptListHandle {
  /** Brings a view position into view; `focus` also moves keyboard focus to it once rendered. */
  scrollToView: (viewIndex: number, options?: { align?: 'start' | 'center' | 'end' | 'auto'; focus?: boolean; part?: PartOfRow }) => void;
  /** The view position at the top of the screen, below the sticky toolbar. */
  topViewIndex: () => number | null;
  /** The row a keyboard move is still on its way to (not rendered yet), if any. */
  pendingFocusIndex: () => number | null;
  /** Whether the reader is at the newest item (the bottom oldest first, the top newest first). */
  atNewestEnd: () => boolean;
  /** Whether the page is scrolled to its very bottom. */
  atPageBottom: () => boolean;
  scrollToNewest: () => void;
}

interface TranscriptListProps {
  index: TranscriptIndex;
  version: number;
  rows: ViewRows;
  load: TranscriptLoad;
  /** Oldest-first rows shown with a highlight: the deep-linked item and the current search match. */
  highlightedRows: ReadonlySet<number>;
  /** The oldest-first row of the current search match, whose folded parts open to show it. */
  matchRow?: number | null;
  /** Height of the sticky bar above the list, so "at the top" means below it. */
  stickyOffset: number;
  onTopChange: (viewIndex: number | null) => void;
  /** The first and last view positions on screen, as they change. */
  onVisibleChange?: (range: readonly [number, number] | null) => void;
  handle: Ref<TranscriptListHandle>;
  /** Keep a reader who is at the newest item there as items arrive. */
  followNewest?: boolean;
  /** One line per item, turns grouped under headers. */
  compact?: boolean;
  turns?: TurnHeaders;
}

const ESTIMATED_ROW_HEIGHT = 140;
const ESTIMATED_COMPACT_ROW_HEIGHT = 36;
const ESTIMATED_COLLAPSED_ROW_HEIGHT = 48;
const ANCHOR_SETTLE_MS = 500;
/** The bar floating at the bottom of the screen (position, Top, End; loading): a row brought into view stops above it. */
const BOTTOM_BAR_PX = 56;
/** Below the list sit the position indicator and notes: the page's bottom is at most this far past the list's end. */
const PAGE_BOTTOM_SLACK_PX = 400;
/** Reused by every row's size guess: the virtualiser asks for all of them each time the count changes. */
const scratchSlot: Slot = { end: 'head', offset: 0 };

/** Guessed heights (under 256 px) by numeric row key, worked out once each; the array grows as keys do. */
class RowEstimates {
  private sizes = new Uint8Array(1024);

  get(index: TranscriptIndex, row: number): number {
    const key = index.keyAt(row);
    if (key >= this.sizes.length) {
      const grown = new Uint8Array(Math.max(key + 1, this.sizes.length * 2));
      grown.set(this.sizes);
      this.sizes = grown;
    }
    if (!this.sizes[key]) {
      const slot = index.slotInto(row, scratchSlot);
      // Tool rows start as one line; guessing so keeps a jump to a far row on target.
      this.sizes[key] = slot && collapsedByDefault(index.itemAt(slot).type) ? ESTIMATED_COLLAPSED_ROW_HEIGHT : ESTIMATED_ROW_HEIGHT;
    }
    return this.sizes[key];
  }
}

const SCROLL_KEYS = new Set(['Home', 'End', 'PageUp', 'PageDown', ' ', 'ArrowUp', 'ArrowDown']);

/** The space beneath each row: a row of which only that shows below the toolbar is not the one the reader is at. */
const rowGap = (compact: boolean) => (compact ? 4 : 12);

function topIndex(virtualizer: Virtualizer<Window, Element>, stickyOffset: number, gap: number): number | null {
  const offset = (virtualizer.scrollOffset ?? 0) + stickyOffset;
  const item = virtualizer.getVirtualItemForOffset(Math.max(0, offset + gap + 1));
  return item ? item.index : null;
}

/**
 * True until the list's first rows have been painted, then false from a task of its own after that frame: the rows
 * around the screen's (see renderedRows) render there, not in the task that shows the first rows.
 */
function useFirstRows(showing: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted || !showing) return;
    let cancelTask = () => {};
    const frame = requestAnimationFrame(() => (cancelTask = inTask(() => setPainted(true))));
    return () => {
      cancelAnimationFrame(frame);
      cancelTask();
    };
  }, [painted, showing]);
  return !painted;
}

/**
 * The transcript as a virtualised list: only rows near the viewport are in the DOM, heights are measured,
 * and the row at the top of the screen stays put when rows arrive or grow above it.
 */
export function TranscriptList({ index, version, rows, load, highlightedRows, matchRow = null, stickyOffset, onTopChange, onVisibleChange, handle, followNewest = false, compact = false, turns }: TranscriptListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  // No rows until the page around the list is laid out and the list's place on it is known (see useScrollMargin).
  const measuredMargin = useScrollMargin(listRef);
  const scrollMargin = measuredMargin ?? 0;
  const attach = useAttachWithoutLayout();
  const pendingFocus = useRef<number | null>(null);
  const report = useRef<number | null>(null);
  // Read when the report runs, not when it was asked for: a toolbar that grew or shrank in between moves the line.
  const placeInputs = useRef({ stickyOffset, compact, onTopChange, onVisibleChange });
  placeInputs.current = { stickyOffset, compact, onTopChange, onVisibleChange };
  /** Works out where the reader is (the rows at the top and the foot of the screen) in the next frame, once a frame. */
  const reportPlace = (instance: Virtualizer<Window, Element>) => {
    if (report.current !== null) return;
    report.current = requestAnimationFrame(() => {
      report.current = null;
      const now = placeInputs.current;
      const top = topIndex(instance, now.stickyOffset, rowGap(now.compact));
      now.onTopChange(top);
      const bottom = instance.getVirtualItemForOffset((instance.scrollOffset ?? 0) + window.innerHeight - 1)?.index ?? null;
      now.onVisibleChange?.(top === null || bottom === null ? null : [top, bottom]);
    });
  };


  const follow = useFollowNewest(index, rows, followNewest, stickyOffset);
  // The virtualiser as it was before this render: where the reader is, before it takes in the new rows.
  const lastVirtualizer = useRef<Virtualizer<Window, Element> | null>(null);
  // Stable between renders: a new key function makes the virtualiser lay out every row again.
  const getItemKey = useCallback((viewIndex: number) => index.keyAt(rows.rowAt(viewIndex)), [index, rows]);
  // Row size guesses by row key, kept for the list's life: the virtualiser asks for every row each time the count
  // changes (each slice of a loading run), and a row's guess does not change when rows arrive around it.
  const [estimates] = useState(() => new RowEstimates());
  // And by view position for these rows, the virtualiser's own question, answered from one array read.
  const viewEstimates = useMemo(() => new Uint8Array(rows.count), [rows]);
  // When rows come or go above the reader (the middle of a run loading, live items at the top when newest come first,
  // a filter or a folded turn), the virtualiser keeps the row at the top of the screen in place. That costs a walk of
  // every row below each row it measures, so it is on only then: while rows can still arrive above, and for a moment
  // after the rows last changed (their last measurements are anchored too); a finished run's jumps do not pay for it.
  const insertsAbove = !index.complete || (followNewest && rows.count > 1 && rows.rowAt(0) > rows.rowAt(rows.count - 1));
  const [settledRows, setSettledRows] = useState<ViewRows | null>(null);
  useEffect(() => {
    if (insertsAbove) return;
    const timer = setTimeout(() => setSettledRows(rows), ANCHOR_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [insertsAbove, rows]);
  // Newest first, a reader at the top of the list (who has not scrolled into it) stays there: rows that arrive above
  // (the newest end's page after the oldest end's, live items) come into view instead of pushing the reader down.
  const last = lastVirtualizer.current;
  const readerAtNewestTop = last !== null && newestView(rows)?.onTop === true && atNewestEnd(last, rows, stickyOffset);
  // A reader who sees what is above the list (the page's top, the transcript's header) keeps that view: a row is the
  // anchor only once the list reaches the top of the screen. Else a header line that grew as rows arrived (the
  // virtualiser anchors on a change of count) scrolled the page by that line, as the reader watched it load.
  const readerAboveList = last !== null && (last.scrollOffset ?? 0) < scrollMargin;
  const anchored = (insertsAbove || settledRows !== rows) && !readerAtNewestTop && !readerAboveList;
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  /** Renders the list in this task (before the frame paints), where TanStack Virtual's own render would wait for one of its own. */
  const renderNow = () => flushSync(rerender);
  // Set from a jump the reader asked for (a key, a search match, a link) until its scroll event: its rows render in
  // that event, so the first frame at the new place shows them.
  const jumpAsked = useRef(false);
  // The row that holds the focus (itself or one of its controls) stays rendered, though the screen moves away from it.
  const scrolling = last?.isScrolling ? last.scrollDirection : null;
  const firstRows = useFirstRows(measuredMargin !== null && rows.count > 0);
  const rangeExtractor = useMemo(() => keepingRow(renderedRows(scrolling, firstRows), () => rowHoldingFocus(listRef.current, 'view-index')), [scrolling, firstRows]);
  // TanStack Virtual keeps its state outside React, which the compiler cannot memoise around; this component opts out.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useWindowVirtualizer({
    count: rows.count,
    estimateSize: (viewIndex) => {
      if (compact) return ESTIMATED_COMPACT_ROW_HEIGHT;
      // The virtualiser asks again for every row below one that changes height; each row's guess is worked out once.
      return (viewEstimates[viewIndex] ||= estimates.get(index, rows.rowAt(viewIndex)));
    },
    // While the list scrolls, each frame renders the rows it shows and a few ahead of the scroll, none behind; the rows
    // around them follow once it stops.
    overscan: RESTING_OVERSCAN,
    rangeExtractor,
    scrollMargin,
    ...attach,
    getItemKey,
    // A scroll renders the rows it brings in a task of its own, after the frame that scrolled, not inside the scroll
    // event: a jump's frame would otherwise style and lay out a screen of new rows too (60–120 ms on 2 cores). The
    // frame shows the rows rendered before it (a few ahead of a wheel or a fling). A batch of measurements that moves
    // the scroll position still renders at once (the measurer's `renderNow`), so rows never jump, and so does a jump
    // the reader asked for (`jumpAsked`).
    useFlushSync: false,
    // Keep the row at the top of the screen in place when rows are added or removed around it.
    anchorTo: anchored ? 'end' : 'start',
    scrollPaddingStart: stickyOffset,
    scrollPaddingEnd: BOTTOM_BAR_PX,
    // The virtualiser reports from its scroll handler and from each batch of measurements, several times a frame on a
    // jump; where the reader is (which reads the layout) is worked out once, in the next frame.
    onChange: (instance, sync) => {
      if (sync && jumpAsked.current) {
        jumpAsked.current = false;
        renderNow();
      }
      reportPlace(instance);
    },
  });
  lastVirtualizer.current = virtualizer;
  // Rows are measured bottom first, so a jump's measurements cost one layout of the rows, not one per row.
  const [measurer] = useState(() => new RowMeasurer(virtualizer, renderNow));
  // Once the rows have settled, a row that changes size under the sticky toolbar moves the scroll position with it, as
  // one above the window does; while rows can still arrive above, the virtualiser's own rule anchors them.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = anchored ? undefined : keepReaderLine(stickyOffset, () => rowHoldingFocus(listRef.current, 'view-index'));
  // The sticky toolbar's height and the list's place on the page change without a scroll (a panel of the toolbar
  // opened or closed, a banner above the list): the row at the reader's line is worked out again.
  useEffect(() => {
    if (lastVirtualizer.current) reportPlace(lastVirtualizer.current);
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- reportPlace reads its inputs when it runs
  }, [stickyOffset, scrollMargin]);
  useEffect(
    () => () => {
      if (report.current !== null) cancelAnimationFrame(report.current);
    },
    [],
  );
  follow.attach(virtualizer);
  // Compact and full rows differ in their spacing and their content, which change in two commits (the list's, then the
  // items'): a row measured between them kept a size it no longer had. Once both are in, the rows shown are measured
  // again.
  const compactBefore = useRef(compact);
  useEffect(() => {
    if (compactBefore.current === compact) return;
    compactBefore.current = compact;
    const frame = requestAnimationFrame(() => {
      for (const row of listRef.current?.querySelectorAll('[data-index]') ?? []) virtualizer.measureElement(row);
    });
    return () => cancelAnimationFrame(frame);
  }, [compact, virtualizer]);

  useImperativeHandle(handle, () => ({
    scrollToView(viewIndex, { align = 'auto', focus = false, part } = {}) {
      if (viewIndex < 0 || viewIndex >= rows.count) return;
      jumpAsked.current = true;
      // Its scroll event comes before the next frame's callbacks; a jump that did not scroll leaves no flag behind.
      requestAnimationFrame(() => (jumpAsked.current = false));
      virtualizer.scrollToIndex(viewIndex, { align });
      keepInView(viewIndex, align, part);
      const rendered = listRef.current?.querySelector<HTMLElement>(`[data-view-index="${viewIndex}"]`);
      if (focus && rendered) rendered.focus({ preventScroll: true });
      // A row not rendered yet gets focus once the scroll has brought it in.
      pendingFocus.current = focus && !rendered ? viewIndex : null;
    },
    topViewIndex: () => topIndex(virtualizer, stickyOffset, rowGap(compact)),
    pendingFocusIndex: () => pendingFocus.current,
    atNewestEnd: () => atNewestEnd(virtualizer, rows, stickyOffset),
    // A list that fits on the screen below the toolbar has no bottom to be at: its top row is where the reader is.
    atPageBottom: () =>
      virtualizer.getTotalSize() > window.innerHeight - stickyOffset - BOTTOM_BAR_PX &&
      nearListEnd(virtualizer, PAGE_BOTTOM_SLACK_PX) &&
      window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4,
    scrollToNewest: () => follow.scrollToNewest(),
  }));

  // Heights above the target (rows measured for the first time, the run summary filling in) can still change after a
  // jump; for a moment, bring the target back if it was pushed off screen, unless the reader scrolls meanwhile.
  const revealToken = useRef(0);
  // A part of the row asked for (a search match far down a tall row) is brought on screen too, as it settles.
  const keepInView = (viewIndex: number, align: 'start' | 'center' | 'end' | 'auto', part?: PartOfRow) => {
    const token = ++revealToken.current;
    // A second from the first frame the list has rows on the page: a jump asked for before that (a link opening the
    // page) waits for them, on a busy machine for more than that second, but never past ten.
    const asked = performance.now();
    let until: number | null = null;
    const toPageEnd = align === 'end' && viewIndex === rows.count - 1;
    // Where the row starts in the list, as the virtualiser has it now (rows above it measured move it).
    const rowStart = () => {
      virtualizer.getOffsetForIndex(viewIndex);
      return virtualizer.measurementsCache[viewIndex]?.start ?? null;
    };
    let lastY = window.scrollY;
    let lastStart = rowStart();
    const check = () => {
      if (token !== revealToken.current) return;
      // Not rendered at all is off screen too: guessed heights above it can leave a jump short of it by screens.
      const row = listRef.current?.querySelector(`[data-view-index="${viewIndex}"]`);
      const box = row?.getBoundingClientRect();
      const offScreen = !box || box.bottom <= stickyOffset || box.top >= window.innerHeight;
      // The reader scrolled away in a way no wheel, touch or key told of, and the row is off screen: their scroll wins.
      const start = rowStart();
      const readerMoved = start !== null && lastStart !== null && readerScrolledAway(window.scrollY - lastY, start - lastStart, window.innerHeight);
      if (offScreen && readerMoved) return;
      // A row kept at the top (a filter change keeps the reader's row there) goes back there if it drifted, while the
      // virtualiser's anchoring and the measurements of rows around it settle, unless the page cannot scroll that far.
      const drifted =
        align === 'start' &&
        box !== undefined &&
        (box.top < stickyOffset - 2 || (box.top > stickyOffset + 2 && window.innerHeight + window.scrollY < document.documentElement.scrollHeight - 1));
      if (offScreen || drifted) virtualizer.scrollToIndex(viewIndex, { align });
      // A jump to the end stays at the page's end while the last rows finish rendering (a Markdown tree arriving).
      else if (toPageEnd && window.innerHeight + window.scrollY < document.documentElement.scrollHeight - 1) window.scrollTo({ top: document.documentElement.scrollHeight });
      else if (part && row) {
        const range = part(row);
        if (range) showRange(range, row, stickyOffset, window.innerHeight - BOTTOM_BAR_PX);
      }
      lastY = window.scrollY;
      lastStart = rowStart();
      const now = performance.now();
      if (until === null && (row || listRef.current?.querySelector('[data-view-index]'))) until = now + 1000;
      if (now < (until ?? asked + 10_000)) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  useEffect(() => {
    const readerScrolls = () => void (revealToken.current += 1);
    // Keys that scroll the page (Home, Page Down…), unless they move a caret in a field.
    const keyScrolls = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key) && !isTypingTarget(event.target)) readerScrolls();
    };
    const events = ['wheel', 'touchstart', 'mousedown'] as const;
    for (const name of events) window.addEventListener(name, readerScrolls, { passive: true });
    window.addEventListener('keydown', keyScrolls);
    return () => {
      for (const name of events) window.removeEventListener(name, readerScrolls);
      window.removeEventListener('keydown', keyScrolls);
    };
  }, []);

  const virtualItems = measuredMargin === null ? [] : virtualizer.getVirtualItems();

  // Focus follows a keyboard move once the row it moved to is rendered.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-view-index="${target}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  return (
    <ol
      ref={listRef}
      aria-label="Conversation items"
      data-version={version}
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualItems.map((virtualRow) => {
        const row = rows.rowAt(virtualRow.index);
        const slot = index.slotAt(row);
        const key = TranscriptIndex.keyOf(slot);
        const item = slot ? index.itemAt(slot) : null;
        return (
          <li
            key={key}
            ref={measurer.ref}
            data-index={virtualRow.index}
            data-view-index={virtualRow.index}
            data-row={row}
            tabIndex={item ? -1 : undefined}
            className={`absolute top-0 left-0 w-full ${compact ? 'pb-1' : 'pb-3'} outline-none focus-visible:[&>article]:ring-2 focus-visible:[&>article]:ring-indigo-500`}
            style={{ transform: `translateY(${virtualRow.start - scrollMargin}px)` }}
          >
            {item && compact && turns ? <TurnHeader row={turnHeadAt(rows, turns.starts, virtualRow.index, index.gapRow)} turns={turns} /> : null}
            {item ? (
              <RowKeyContext.Provider value={key}>
                {index.isRemoved(item.id) ? <RemovedNotice /> : null}
                <CurrentMatchContext value={row === matchRow}>
                  <ItemView item={item} partner={partnerOf(item, index.pairs)} highlighted={highlightedRows.has(row)} />
                </CurrentMatchContext>
              </RowKeyContext.Provider>
            ) : (
              <GapRow loaded={index.itemCount} load={load} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
