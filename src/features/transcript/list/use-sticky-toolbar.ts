import { useEffect, useRef, useState } from 'react';
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
