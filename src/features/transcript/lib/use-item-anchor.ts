import { useEffect, useRef } from 'react';

export type AnchorState =
  | { kind: 'none' }
  | { kind: 'searching'; itemId: string }
  | { kind: 'found'; itemId: string }
  | { kind: 'missing'; itemId: string };

function findItemElement(itemId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
}

/**
 * Follows the `#item_id` fragment: once the item has loaded, scrolls to it (once per fragment) and reports
 * it found; once every page has loaded without it, reports it missing.
 */
export function useItemAnchor(itemId: string | null, loadedIds: ReadonlyMap<string, number>, allLoaded: boolean): AnchorState {
  const isLoaded = itemId !== null && loadedIds.has(itemId);
  const scrolledTo = useRef<string | null>(null);

  useEffect(() => {
    if (!itemId || !isLoaded || scrolledTo.current === itemId) return;
    const scroll = () => {
      scrolledTo.current = itemId;
      findItemElement(itemId)?.scrollIntoView({ block: 'center' });
    };
    const frame = requestAnimationFrame(scroll);
    // Items above render at their real height once near the viewport; settle on the target again.
    const settle = setTimeout(scroll, 300);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(settle);
    };
  }, [itemId, isLoaded]);

  if (!itemId) return { kind: 'none' };
  if (isLoaded) return { kind: 'found', itemId };
  return allLoaded ? { kind: 'missing', itemId } : { kind: 'searching', itemId };
}
