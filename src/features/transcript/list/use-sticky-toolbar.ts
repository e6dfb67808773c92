import { useEffect, useRef, useState } from 'react';

/**
 * The sticky toolbar's height, and whether it has reached the top of the screen (the page has scrolled into the
 * list). Whatever takes focus (Tab, Shift+Tab, a jump) scrolls clear of it above and of the position pill below.
 */
export function useStickyToolbar() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    const check = () => setStuck((ref.current?.getBoundingClientRect().top ?? 1) <= 0.5 && window.scrollY > 0);
    // The first look waits for the first paint: read while the page is still being built, it would lay it all out
    // in the same task.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(check, 0)));
    window.addEventListener('scroll', check, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      window.removeEventListener('scroll', check);
    };
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.getBoundingClientRect().height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const root = document.documentElement.style;
    root.scrollPaddingTop = `${Math.ceil(height) + 8}px`;
    root.scrollPaddingBottom = '4.5rem';
    return () => {
      root.scrollPaddingTop = '';
      root.scrollPaddingBottom = '';
    };
  }, [height]);
  return { ref, height, stuck };
}
