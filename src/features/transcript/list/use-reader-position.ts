import { startTransition, useCallback, useState, type RefObject } from 'react';
import type { TranscriptListHandle } from './transcript-list';
import { useVisibleRange } from './transcript-overview';
import { useFocusedRow } from './use-focused-row';
import type { ViewRows } from './view-rows';

export interface ReaderPosition {
  /** The view position at the top of the screen, as the list last reported it. */
  topView: number | null;
  /** The row (oldest-first number) the reader is at: the one at the top, or the last one at the page's very bottom. */
  topRow: number | null;
  /** The row the position indicator names: the one the keyboard moved to while it is on screen, else `topRow`. */
  positionRow: number | null;
  /** The first and last view positions on screen. */
  visible: readonly [number, number] | null;
  /** The reader is at the newest item (the bottom oldest first, the top newest first). */
  atNewest: boolean;
  /** The row at the top of the screen now, asked of the list: `topRow` can lag a scroll the list has just made itself. */
  liveTopRow: () => number | null;
  /** For the list to report through. */
  onTopChange: (viewIndex: number | null) => void;
  onVisibleChange: (range: readonly [number, number] | null) => void;
}

/**
 * Where the reader is in the list, as the list reports it from its scroll handler: the page's updates for it are
 * transitions, so a scroll never waits for the toolbar, the position indicator or the overview strip.
 */
export function useReaderPosition(rows: ViewRows, list: RefObject<TranscriptListHandle | null>, container: RefObject<HTMLElement | null>): ReaderPosition {
  const [topView, setTopView] = useState<number | null>(null);
  const [visible, setVisible] = useVisibleRange();
  const [atNewest, setAtNewest] = useState(true);
  const [atBottom, setAtBottom] = useState(false);
  const focusedRow = useFocusedRow(container);

  const onTopChange = useCallback(
    (viewIndex: number | null) => {
      const nowAtNewest = list.current?.atNewestEnd() ?? true;
      const nowAtBottom = list.current?.atPageBottom() ?? false;
      startTransition(() => {
        setTopView(viewIndex);
        setAtNewest(nowAtNewest);
        setAtBottom(nowAtBottom);
      });
    },
    [list],
  );
  const onVisibleChange = useCallback((range: readonly [number, number] | null) => startTransition(() => setVisible(range)), [setVisible]);

  // At the very bottom the last row is where the reader is, though it does not reach the top of the screen.
  const topRow = atBottom && rows.count > 0 ? rows.rowAt(rows.count - 1) : topView === null || topView >= rows.count ? null : rows.rowAt(topView);
  const focusedView = focusedRow === null ? null : rows.viewIndexOf(focusedRow);
  const positionRow = focusedView !== null && visible !== null && focusedView >= visible[0] && focusedView <= visible[1] ? focusedRow : topRow;
  const liveTopRow = () => {
    const liveTop = atBottom ? null : (list.current?.topViewIndex() ?? null);
    return liveTop !== null && liveTop < rows.count ? rows.rowAt(liveTop) : topRow;
  };
  return { topView, topRow, positionRow, visible, atNewest, liveTopRow, onTopChange, onVisibleChange };
}
