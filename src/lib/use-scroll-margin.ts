import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * A list's distance from the top of the page, which a window virtualiser needs as its scroll margin; it changes with
 * whatever is above the list (banners, errors, a summary filling in), so it is measured again when the page resizes.
 */
export function useScrollMargin(listRef: RefObject<HTMLElement | null>): number {
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const list = listRef.current;
      if (list) setScrollMargin(Math.round(list.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [listRef]);
  return scrollMargin;
}
