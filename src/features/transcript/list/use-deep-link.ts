import { useEffect, useRef, type RefObject } from 'react';
import type { TranscriptIndex } from '../data/transcript-index';
import type { TranscriptListHandle } from './transcript-list';
import type { ViewRows } from './view-rows';

export type DeepLinkState =
  | { kind: 'none' }
  | { kind: 'searching'; itemId: string }
  | { kind: 'found'; itemId: string; row: number | null }
  | { kind: 'missing'; itemId: string };

/**
 * Follows the `#item_id` fragment: as soon as the item has loaded, from whichever end, scrolls the list to
 * its position (once per fragment); once everything has loaded without it, reports it missing.
 */
export function useDeepLink(
  itemId: string | null,
  index: TranscriptIndex,
  version: number,
  rows: ViewRows,
  list: RefObject<TranscriptListHandle | null>,
): DeepLinkState {
  void version;
  const ownRow = itemId ? index.rowOfId(itemId) : null;
  const row = ownRow === null ? null : index.shownRow(ownRow);
  const viewIndex = row === null ? null : rows.viewIndexOf(row);
  const settled = useRef<string | null>(null);

  // Rows keep arriving around the item while the rest loads; keep it in view until the reader takes over.
  useEffect(() => {
    if (!itemId || settled.current === itemId) return;
    const takeOver = () => {
      settled.current = itemId;
    };
    const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
    for (const name of events) window.addEventListener(name, takeOver, { once: true, passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, takeOver);
    };
  }, [itemId]);

  useEffect(() => {
    if (!itemId || viewIndex === null || settled.current === itemId) return;
    list.current?.scrollToView(viewIndex, { align: 'center' });
  }, [itemId, viewIndex, list]);

  if (!itemId) return { kind: 'none' };
  if (row !== null) return { kind: 'found', itemId, row };
  return index.complete ? { kind: 'missing', itemId } : { kind: 'searching', itemId };
}
