import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { usePageScrollPadding } from '../../../lib/use-page-scroll-padding';

/**
 * The sticky toolbar's height, and whether it has reached the top of the screen (the page has scrolled into the
 * list). Whatever takes focus (Tab, Shift+Tab, a jump) scrolls clear of it above and of the position pill below.
 */
export function useStickyToolbar() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    // An observer, not a scroll listener: it reports after layout, where reading the toolbar's place on each scroll
    // event would lay the page out again in the middle of a jump's rendering. Its root is the screen's top edge (the
    // viewport less all of its height), which the toolbar touches exactly while it is stuck there, wherever it started:
    // watching how much of the toolbar was in view missed the moment it stuck when it started partly below the screen.
    const observer = new IntersectionObserver(
      (entries) => setStuck(entries[entries.length - 1].isIntersecting && window.scrollY > 0),
      { rootMargin: '0px 0px -100% 0px', threshold: 0 },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.getBoundingClientRect().height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Clear of the position pill at the foot of the screen too.
  usePageScrollPadding(height, '4.5rem');
  return { ref, height, stuck };
}

/**
 * Makes `change` (a panel of the toolbar opened or closed) without scrolling the page: the rows stay where the reader
 * had them, below the toolbar, and a reader at the page's end (following a live run) stays at its end. Left to itself,
 * the browser's scroll anchoring moved the page by the panel's height on some of these changes and not on others, so
 * that opening and closing it could leave the reader a few rows away.
 */
export function keepingPagePlace(change: () => void) {
  const page = document.documentElement;
  const top = window.scrollY;
  const atEnd = window.innerHeight + top >= page.scrollHeight - 4;
  flushSync(change);
  // Reading the scroll position lays the page out with the change, and the browser anchors the scroll then.
  const target = atEnd ? Math.max(0, page.scrollHeight - window.innerHeight) : top;
  if (window.scrollY !== target) window.scrollTo({ top: target, behavior: 'instant' });
}
