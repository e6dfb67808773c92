import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { ConversationItem } from '../../transcript/types';
import type { Alignment } from '../lib/align-runs';
import type { RunRow } from '../lib/change-parts';
import type { DisplayRow } from '../lib/display-rows';
import type { RunUnit } from '../lib/run-units';
import { CompareFold } from './compare-fold';
import { CompareRow } from './compare-row';
import { useAttachWithoutLayout } from '../../../lib/attach-without-layout';
import { keepingRow, rowHoldingFocus } from '../../../lib/keeping-row';
import { useScrollMargin } from '../../../lib/use-scroll-margin';

export interface CompareListHandle {
  scrollToPosition: (position: number) => void;
  /** Brings a row into view once the rows are in the page, unless it is already there in full: the page stays put. */
  revealPosition: (position: number) => void;
  /** Gives the focus to the row at this position (a fold, to its button), going to it first when it is far off; says whether it will. */
  focusPosition: (position: number) => boolean;
}

interface CompareListProps {
  alignment: Alignment;
  itemsA: readonly ConversationItem[];
  itemsB: readonly ConversationItem[];
  shown: readonly DisplayRow[];
  current: number | null;
  stickyOffset: number;
  onOpenFold: (start: number) => void;
  /** The first and last positions on screen below the sticky bar, as the reader scrolls. */
  onVisibleChange?: (range: readonly [number, number] | null) => void;
  handle: Ref<CompareListHandle>;
}

/** Each side's rows, made once per alignment, so a row's props stay equal between renders and its diff is not redone. */
function rowCache(units: readonly RunUnit[], items: readonly ConversationItem[]) {
  const made = new Map<number, RunRow>();
  return (index: number): RunRow | null => {
    if (index < 0) return null;
    let row = made.get(index);
    if (!row) {
      const unit = units[index];
      row = { item: items[unit.item], ...(unit.output >= 0 ? { output: items[unit.output] } : {}) };
      made.set(index, row);
    }
    return row;
  };
}

function AlignedRowView({ alignment, row, rowA, rowB, current }: { alignment: Alignment; row: number; rowA: (index: number) => RunRow | null; rowB: (index: number) => RunRow | null; current: boolean }) {
  const aligned = alignment.rows[row];
  return (
    <CompareRow
      row={aligned}
      a={rowA(aligned.a)}
      b={rowB(aligned.b)}
      failedA={aligned.a >= 0 && alignment.unitsA[aligned.a].failed}
      failedB={aligned.b >= 0 && alignment.unitsB[aligned.b].failed}
      current={current}
    />
  );
}

const ESTIMATES = { fold: 44, same: 80, row: 160 };

/** The aligned rows as a virtualised list, like the transcript's: only rows near the viewport are in the DOM. */
export function CompareList({ alignment, itemsA, itemsB, shown, current, stickyOffset, onOpenFold, onVisibleChange, handle }: CompareListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  // No rows until the page around the list is laid out and the list's place on it is known (see useScrollMargin).
  const measuredMargin = useScrollMargin(listRef);
  const scrollMargin = measuredMargin ?? 0;
  const attach = useAttachWithoutLayout();
  const rowA = useMemo(() => rowCache(alignment.unitsA, itemsA), [alignment, itemsA]);
  const rowB = useMemo(() => rowCache(alignment.unitsB, itemsB), [alignment, itemsB]);
  const report = useRef<number | null>(null);
  // The newest handler: a report scheduled a frame ago runs with what the page knows now.
  const visibleChanged = useRef(onVisibleChange);
  visibleChanged.current = onVisibleChange;
  useEffect(
    () => () => {
      if (report.current !== null) cancelAnimationFrame(report.current);
      if (correction.current !== null) cancelAnimationFrame(correction.current);
    },
    [],
  );


  const rangeExtractor = useMemo(() => keepingRow(defaultRangeExtractor, () => rowHoldingFocus(listRef.current, 'position')), []);
  // TanStack Virtual keeps its state outside React, which the compiler cannot memoise around; this component opts out.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: (position) => {
      const entry = shown[position];
      return entry.kind === 'fold' ? ESTIMATES.fold : alignment.rows[entry.row].diff === 'same' ? ESTIMATES.same : ESTIMATES.row;
    },
    overscan: 4,
    // A fold the reader focused stays in the page while they scroll away from it, so the focus does not drop.
    rangeExtractor,
    scrollMargin,
    ...attach,
    scrollPaddingStart: stickyOffset + 8,
    getItemKey: (position) => {
      const entry = shown[position];
      return entry.kind === 'fold' ? `fold-${entry.start}` : `row-${entry.row}`;
    },
    // Reported once a frame: the virtualiser calls this from its scroll handler and each batch of measurements.
    onChange: (instance) => {
      if (report.current !== null) return;
      report.current = requestAnimationFrame(() => {
        report.current = null;
        const offset = instance.scrollOffset ?? 0;
        const top = instance.getVirtualItemForOffset(offset + stickyOffset + 1)?.index;
        const bottom = instance.getVirtualItemForOffset(offset + window.innerHeight - 1)?.index;
        visibleChanged.current?.(top === undefined || bottom === undefined ? null : [top, bottom]);
      });
    },
  });

  // An opened fold's button leaves the page: its first row, in the same place, takes the focus it held.
  const focusAfterOpen = useRef<number | null>(null);
  useLayoutEffect(() => {
    const position = focusAfterOpen.current;
    if (position === null) return;
    focusAfterOpen.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-position="${position}"]`);
    // Scrolled clear of the sticky bar if the fold was under it; anywhere else the page stays where it is (a row taller
    // than the fold, opened near the foot of the screen, would otherwise pull the page up to show it whole).
    row?.focus({ preventScroll: row.getBoundingClientRect().top >= stickyOffset });
  }, [shown, stickyOffset]);

  const focusPosition = (position: number, options?: FocusOptions): boolean => {
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-position="${position}"]`);
    // A row far from the screen (rows opened above pushed it away) is not in the page: the list goes to it first.
    if (!row && !options && position >= 0 && position < shown.length) {
      scrollToPosition(position, true);
      return true;
    }
    // A row takes the focus itself; a fold, by its button.
    const target = row?.hasAttribute('tabindex') ? row : row?.querySelector<HTMLElement>('button');
    // Unless told, the page moves only to bring a row out from under the sticky bar, or up from below the screen.
    const box = target?.getBoundingClientRect();
    target?.focus(options ?? { preventScroll: !!box && box.top >= stickyOffset && box.top < window.innerHeight });
    return target ? document.activeElement === target : false;
  };

  const correction = useRef<number | null>(null);
  const scrollToPosition = (position: number, focus?: boolean) => {
    if (position < 0 || position >= shown.length) return;
    // A reader whose focus is on a row (stepping with n and p from the rows) takes it to the row stepped to, so the
    // focus ring and the current difference stay one; a step from the buttons leaves the focus on them.
    const moveFocus = focus ?? rowHoldingFocus(listRef.current, 'position') !== null;
    virtualizer.scrollToIndex(position, { align: 'start' });
    // Rows measured for the first time above the target can push it away; look again once they have settled. A
    // newer jump's look replaces this one's, which would take the reader back.
    if (correction.current !== null) cancelAnimationFrame(correction.current);
    correction.current = requestAnimationFrame(() => {
      correction.current = requestAnimationFrame(() => {
        correction.current = null;
        virtualizer.scrollToIndex(position, { align: 'start' });
        if (moveFocus) focusPosition(position, { preventScroll: true });
      });
    });
  };
  const [reveal, setReveal] = useState<{ position: number } | null>(null);
  useImperativeHandle(handle, () => ({
    scrollToPosition: (position) => scrollToPosition(position),
    revealPosition: (position) => setReveal({ position }),
    focusPosition: (position) => focusPosition(position),
  }));

  // Once the rows are in the page and have settled (two frames, as above), the row is looked at where it is; a jump the
  // reader asks for meanwhile cancels the look.
  const revealed = useRef(reveal);
  const barHeight = useRef(stickyOffset);
  barHeight.current = stickyOffset;
  useEffect(() => {
    if (measuredMargin === null || reveal === null || revealed.current === reveal) return;
    revealed.current = reveal;
    if (correction.current !== null) cancelAnimationFrame(correction.current);
    correction.current = requestAnimationFrame(() => {
      correction.current = requestAnimationFrame(() => {
        correction.current = null;
        const row = listRef.current?.querySelector(`li[data-position="${reveal.position}"] > *`)?.getBoundingClientRect();
        // In view: all of it, or its start with at least a third of the screen of it below (a difference taller than
        // the screen is read from its start down, with the runs' cards above it still in view).
        const inView = row && row.top >= barHeight.current && (row.bottom <= window.innerHeight || row.top <= window.innerHeight * (2 / 3));
        if (!inView) scrollToPosition(reveal.position);
      });
    });
  });

  return (
    <ol ref={listRef} aria-label="Aligned items of both runs" className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {(measuredMargin === null ? [] : virtualizer.getVirtualItems()).map((virtual) => {
        const entry = shown[virtual.index];
        return (
          <li
            key={virtual.key}
            ref={virtualizer.measureElement}
            data-index={virtual.index}
            data-position={virtual.index}
            tabIndex={entry.kind === 'row' ? -1 : undefined}
            className="absolute top-0 left-0 w-full pb-2 outline-none focus-visible:[&>*]:ring-2 focus-visible:[&>*]:ring-indigo-500 focus-visible:[&>*]:ring-offset-2 focus-visible:[&>*]:ring-offset-white dark:focus-visible:[&>*]:ring-offset-zinc-950"
            style={{ transform: `translateY(${virtual.start - scrollMargin}px)` }}
          >
            {entry.kind === 'fold' ? (
              <CompareFold
                fold={entry}
                current={current === virtual.index}
                onOpen={() => {
                  focusAfterOpen.current = virtual.index;
                  onOpenFold(entry.start);
                }}
              />
            ) : (
              <AlignedRowView alignment={alignment} row={entry.row} rowA={rowA} rowB={rowB} current={current === virtual.index} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
