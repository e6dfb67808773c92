import { useEffect, useState } from 'react';

export type AnchorState =
  | { kind: 'none' }
  | { kind: 'searching'; itemId: string }
  | { kind: 'found'; itemId: string }
  | { kind: 'missing'; itemId: string };

function findItemElement(itemId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
}

/**
 * Follows the `#item_id` fragment: once the item has loaded, scrolls to it and reports it found;
 * once every page has loaded without it, reports it missing.
 */
export function useItemAnchor(itemId: string | null, loadedIds: ReadonlyMap<string, number>, allLoaded: boolean): AnchorState {
  const isLoaded = itemId !== null && loadedIds.has(itemId);
  const [scrolledTo, setScrolledTo] = useState<string | null>(null);

  useEffect(() => {
    if (!itemId || !isLoaded || scrolledTo === itemId) return;
    const frame = requestAnimationFrame(() => {
      findItemElement(itemId)?.scrollIntoView({ block: 'center' });
      setScrolledTo(itemId);
    });
    return () => cancelAnimationFrame(frame);
  }, [itemId, isLoaded, scrolledTo]);

  if (!itemId) return { kind: 'none' };
  if (isLoaded) return { kind: 'found', itemId };
  return allLoaded ? { kind: 'missing', itemId } : { kind: 'searching', itemId };
}
