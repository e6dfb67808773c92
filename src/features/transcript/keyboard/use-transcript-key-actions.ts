import type { RefObject } from 'react';
import { announce } from '../../../components/announcer';
import { copyText } from '../../../lib/copy-text';
import { collapsedByDefault } from '../../../shared/items/item-catalog';
import { TranscriptIndex } from '../data/transcript-index';
import type { ItemUiStore } from '../list/item-ui-store';
import type { TranscriptListHandle } from '../list/transcript-list';
import type { ViewRows } from '../list/view-rows';
import { useTranscriptKeys } from './use-transcript-keys';

interface KeyTargets {
  index: TranscriptIndex;
  rows: ViewRows;
  store: ItemUiStore;
  list: RefObject<TranscriptListHandle | null>;
  searchInput: RefObject<HTMLInputElement | null>;
  /** The view position at the top of the screen. */
  topView: number | null;
  /** The view position of the item a link pointed at (highlighted), if any. */
  linkedView?: number | null;
  itemUrl: ((itemId: string) => string) | undefined;
  onShowHelp: () => void;
}

/**
 * The view position of the row that holds the focus (the row itself, or a control in it such as its toolbar or the
 * Markdown switch), while it is on screen: the list keeps a focused row in the page when the reader scrolls away from
 * it, and a key then acts where the reader is, not where they were.
 */
const focusedView = () => {
  const active = document.activeElement;
  const row = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-view-index]') : null;
  return row && onScreen(row) ? Number(row.dataset.viewIndex) : null;
};

const onScreen = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
};

/** The linked item's view position while its row is on screen: before any key has moved, the reader is there. */
const linkedOnScreen = (view: number | null | undefined) => {
  if (view === null || view === undefined) return null;
  const row = document.querySelector(`[data-view-index="${view}"]`);
  return row && onScreen(row) ? view : null;
};

/** What each transcript shortcut does: j/k move between items, Enter folds one, c copies its link, / and ? open. */
export function useTranscriptKeyActions({ index, rows, store, list, searchInput, topView, linkedView = null, itemUrl, onShowHelp }: KeyTargets) {
  useTranscriptKeys((action) => {
    // Quick presses count from where the last one was headed, even before that row has rendered and taken focus.
    const focused = list.current?.pendingFocusIndex() ?? focusedView() ?? linkedOnScreen(linkedView);
    switch (action) {
      case 'next-item':
      case 'previous-item': {
        const step = action === 'next-item' ? 1 : -1;
        let next = (focused ?? (list.current?.topViewIndex() ?? topView ?? 0) - step) + step;
        // The gap row is not an item; step over it.
        if (next >= 0 && next < rows.count && index.slotAt(rows.rowAt(next)) === null) next += step;
        list.current?.scrollToView(Math.max(0, Math.min(rows.count - 1, next)), { focus: true });
        break;
      }
      case 'first-item':
        list.current?.scrollToView(0, { align: 'start', focus: true });
        break;
      case 'last-item':
        if (rows.count > 0) list.current?.scrollToView(rows.count - 1, { align: 'end', focus: true });
        break;
      case 'find':
      case 'focus-search':
        searchInput.current?.focus();
        searchInput.current?.select();
        break;
      case 'toggle-item': {
        const slot = focused === null ? null : index.slotAt(rows.rowAt(focused));
        if (slot) store.toggle(TranscriptIndex.keyOf(slot), collapsedByDefault(index.itemAt(slot).type));
        break;
      }
      case 'copy-link': {
        if (!itemUrl) {
          announce('A file read in this browser has no link to copy', { visible: true });
          break;
        }
        const slot = focused === null ? null : index.slotAt(rows.rowAt(focused));
        const id = slot ? index.itemAt(slot).id : null;
        if (typeof id === 'string' && id) void copyText(itemUrl(id)).then((copied) => announce(copied ? 'Copied a link to this item' : 'Copy failed', { visible: true }));
        else announce('Move to an item first (j or k) to copy its link', { visible: true });
        break;
      }
      case 'show-help':
        onShowHelp();
        break;
    }
  });
}
