import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * A list's distance from the top of the page, which a window virtualiser needs as its scroll margin; it changes with
 * whatever is above the list (banners, errors, a summary filling in), so it is measured again when the page resizes.
 *
 * Null until the page has been laid out with the list in it: the margin is read in a ResizeObserver's callback, where
 * the browser has just done that layout, never in the commit that mounts the list. Read there, it forced a layout of
 * the whole new page inside the task that rendered it (the longest part of the task that showed a transcript's first
 * rows). A list renders its rows once the margin is known, in the first frame that lays out the page around it.
 */
export function useScrollMargin(listRef: RefObject<HTMLElement | null>): number | null {
  const [scrollMargin, setScrollMargin] = useState<number | null>(null);
  useLayoutEffect(() => {
    let measured = false;
    const observer = new ResizeObserver(() => {
      const list = listRef.current;
      if (!list) return;
      const margin = Math.round(list.getBoundingClientRect().top + window.scrollY);
      // The first one renders the rows in this frame, before it paints: as a later task, it waited behind the
      // stream's and the index's work for a quarter of a second while a long run loaded.
      if (measured) return setScrollMargin(margin);
      measured = true;
      flushSync(() => setScrollMargin(margin));
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [listRef]);
  return scrollMargin;
}
