import { useEffect, useRef, useState } from 'react';

/**
 * True once the element has come within a screen or so of the viewport, and from then on. Costly rendering
 * (Markdown, highlighting) waits for it, so a transcript of thousands of items pays only for what is read.
 */
export function useNearViewport<T extends Element>(margin = '1200px') {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);

  return { ref, near };
}
