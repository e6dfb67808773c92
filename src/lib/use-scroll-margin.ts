import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * A list's distance from the top of the page, which a window virtualiser needs as its scroll margin; it changes with
 * whatever is above the list (banners, errors, a summary filling in), so it is measured again when the page resizes.
 *
 * Null until the page has been laid out with the list in it: the margin is read in a ResizeObserver's callback, where
 * the browser has just done that layout, never in the commit that mounts the list. Read there, it forced a layout of
 * the whole new page inside the task that rendered it (the longest part of the task that showed a transcript's first
 * rows). A list renders its rows once the margin is known, a frame after the page around it.
 */
export function useScrollMargin(listRef: RefObject<HTMLElement | null>): number | null {
  const [scrollMargin, setScrollMargin] = useState<number | null>(null);
  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => {
      const list = listRef.current;
      if (list) setScrollMargin(Math.round(list.getBoundingClientRect().top + window.scrollY));
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [listRef]);
  return scrollMargin;
}
