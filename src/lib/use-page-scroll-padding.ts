import { useEffect } from 'react';

/**
 * Keeps what takes the focus (Tab, Shift+Tab, a row focused after a jump) clear of a sticky bar `top` pixels tall at
 * the top of the screen, and of `bottom` (a CSS length) at its foot: the page's scroll padding, which the browser
 * keeps clear when it scrolls a focused element into view. Removed when the page goes.
 */
export function usePageScrollPadding(top: number, bottom = '') {
  useEffect(() => {
    const root = document.documentElement.style;
    root.scrollPaddingTop = top > 0 ? `${Math.ceil(top) + 8}px` : '';
    root.scrollPaddingBottom = bottom;
    return () => {
      root.scrollPaddingTop = '';
      root.scrollPaddingBottom = '';
    };
  }, [top, bottom]);
}
