import { windowScroll, type VirtualizerOptions } from '@tanstack/react-virtual';
import { useEffect, useState } from 'react';

type WindowOptions = VirtualizerOptions<Window, Element>;
type ScrollToFn = WindowOptions['scrollToFn'];

/**
 * Options for a window virtualiser that attach it to the page without a layout in the commit that mounts its list.
 * By default it reads `window.scrollY` as it attaches and writes it back; either makes the browser lay the page out
 * there and then, and in that commit that was the whole new page (the task that showed a transcript's first rows laid
 * it all out). Here it starts from the top and writes nothing; on the next frame, where the browser lays the page out
 * anyway, a page that was somewhere else (scrolled before the list came) has the virtualiser read where, as a scroll
 * would. Every later write (a jump, rows measured above the reader) goes at once, and one before that frame (a link's
 * jump) makes the check moot.
 */
export function attachWithoutLayout(scroll: ScrollToFn = windowScroll): { initialOffset: number; scrollToFn: ScrollToFn; cancel: () => void } {
  let attached = false;
  let frame: number | null = null;
  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  };
  const scrollToFn: ScrollToFn = (offset, options, instance) => {
    cancel();
    if (!attached && !options.adjustments && !options.behavior && typeof requestAnimationFrame === 'function') {
      attached = true;
      frame = requestAnimationFrame(() => {
        frame = null;
        if (Math.round(window.scrollY) !== Math.round(offset)) window.dispatchEvent(new Event('scroll'));
      });
      return;
    }
    attached = true;
    scroll(offset, options, instance);
  };
  return { initialOffset: 0, scrollToFn, cancel };
}

/** `attachWithoutLayout` for one list's life: spread into `useWindowVirtualizer`'s options. */
export function useAttachWithoutLayout(): Pick<WindowOptions, 'initialOffset' | 'scrollToFn'> {
  const [attach] = useState(() => attachWithoutLayout());
  useEffect(() => attach.cancel, [attach]);
  return { initialOffset: attach.initialOffset, scrollToFn: attach.scrollToFn };
}
