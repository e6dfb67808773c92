import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * A list's distance from the top of the page, which a window virtualiser needs as its scroll margin; it changes with
 * whatever is above the list (banners, errors, a summary filling in), so it is measured again when the page resizes.
 *
 * Null until the page has been laid out with the list in it: the margin is read in a ResizeObserver's callback, where
 * the browser has just done that layout, never in the commit that mounts the list. Read there, it forced a layout of
 * the whole new page inside the task that rendered it (the longest part of the task that showed a transcript's first
 * rows). A list renders its rows once the margin is known, right after the first frame that lays the page out.
 */
export function useScrollMargin(listRef: RefObject<HTMLElement | null>): number | null {
  const [scrollMargin, setScrollMargin] = useState<number | null>(null);
  useLayoutEffect(() => {
    let measured = false;
    let closed = false;
    const observer = new ResizeObserver(() => {
      const list = listRef.current;
      if (!list) return;
      const margin = Math.round(list.getBoundingClientRect().top + window.scrollY);
      if (measured) return setScrollMargin(margin);
      measured = true;
      // The first one renders the rows in a task of their own right after this frame, ahead of the page's other
      // tasks: as an ordinary update it waited behind the stream's and the index's work for a quarter of a second
      // while a long run loaded, and rendered in this frame it made the frame that also lays the page out long.
      rightAfterFrame(() => {
        if (!closed) flushSync(() => setScrollMargin(margin));
      });
    });
    observer.observe(document.body);
    return () => {
      closed = true;
      observer.disconnect();
    };
  }, [listRef]);
  return scrollMargin;
}

interface PostTaskScheduler {
  postTask: (callback: () => void, options: { priority: 'user-blocking' }) => Promise<unknown>;
}

/** `work` in a task ahead of the page's ordinary ones (the Scheduler API's user-blocking priority); at once without it. */
function rightAfterFrame(work: () => void) {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(work, { priority: 'user-blocking' });
  else work();
}
