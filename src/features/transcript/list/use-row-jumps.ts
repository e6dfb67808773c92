import { useEffect, useRef, type RefObject } from 'react';
import { TranscriptIndex } from '../data/transcript-index';
import type { ItemOrder } from '../types';
import type { ItemUiStore } from './item-ui-store';
import type { TranscriptListHandle } from './transcript-list';
import { useDeepLink, type DeepLinkState } from './use-deep-link';
import type { ViewRows } from './view-rows';

interface RowJumpTargets {
  index: TranscriptIndex;
  version: number;
  rows: ViewRows;
  order: ItemOrder;
  store: ItemUiStore;
  list: RefObject<TranscriptListHandle | null>;
  /** Shows a row the filter hides. */
  reveal: (row: number) => void;
  /** The item the link points to (`#item_id`), if any. */
  anchorItemId: string | null;
}

/**
 * Takes the reader to rows: the linked item (opened, even where the filter hides its kind), a row asked for from
 * the run summary (waiting until it is shown), and the top of a newly chosen order.
 */
export function useRowJumps({ index, version, rows, order, store, list, reveal, anchorItemId }: RowJumpTargets): {
  anchor: DeepLinkState;
  jumpToRow: (row: number) => void;
  keepPlace: (row: number | null) => void;
} {
  const anchor = useDeepLink(anchorItemId, index, version, rows, list);

  // A linked item opens expanded (an output's link opens its call's row, where it is shown).
  const anchorRow = anchor.kind === 'found' ? anchor.row : null;
  const openedAnchor = useRef<string | null>(null);
  useEffect(() => {
    if (anchorRow === null || !anchorItemId || openedAnchor.current === anchorItemId) return;
    openedAnchor.current = anchorItemId;
    const slot = index.slotAt(anchorRow);
    if (slot) store.setCollapsed(TranscriptIndex.keyOf(slot), false);
    if (rows.viewIndexOf(anchorRow) === null) reveal(anchorRow);
  });

  // A jump to a row that was not shown yet lands once the rows include it.
  const pendingJump = useRef<number | null>(null);
  useEffect(() => {
    if (pendingJump.current === null) return;
    const target = rows.viewIndexOf(pendingJump.current);
    if (target === null) return;
    pendingJump.current = null;
    list.current?.scrollToView(target, { align: 'center', focus: true });
  }, [rows, list]);

  // A filter that hides or shows rows keeps the reader's top row at the top, or the nearest shown row above it.
  const keptRow = useRef<number | null>(null);
  useEffect(() => {
    const row = keptRow.current;
    if (row === null) return;
    keptRow.current = null;
    for (let above = row; above >= 0; above -= 1) {
      const target = rows.viewIndexOf(above);
      if (target === null) continue;
      list.current?.scrollToView(target, { align: 'start' });
      return;
    }
  }, [rows, list]);

  // A new order starts at its top, as a newly opened transcript does.
  const shownOrder = useRef(order);
  useEffect(() => {
    if (shownOrder.current === order) return;
    shownOrder.current = order;
    list.current?.scrollToView(0, { align: 'start' });
  }, [order, list]);

  const jumpToRow = (row: number) => {
    const target = rows.viewIndexOf(row);
    store.setCollapsed(TranscriptIndex.keyOf(index.slotAt(row)), false);
    if (target === null) {
      pendingJump.current = row;
      reveal(row);
      return;
    }
    list.current?.scrollToView(target, { align: 'center', focus: true });
  };
  return { anchor, jumpToRow, keepPlace: (row) => void (keptRow.current = row) };
}
