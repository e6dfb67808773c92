import { useEffect, useState, type RefObject } from 'react';

/**
 * The row (its oldest-first number) that holds the keyboard focus inside the container, or null. Focus leaves a row
 * when the reader tabs or clicks away, or when the list unmounts it far off screen.
 */
export function useFocusedRow(container: RefObject<HTMLElement | null>): number | null {
  const [row, setRow] = useState<number | null>(null);
  useEffect(() => {
    // Listened for on the document: the container comes and goes (a skeleton shows before the list).
    const rowOf = (target: EventTarget | null) => {
      const element = container.current;
      if (!element || !(target instanceof Element) || !element.contains(target)) return null;
      const value = target.closest('[data-row]')?.getAttribute('data-row');
      return value ? Number(value) : null;
    };
    const onFocusIn = (event: FocusEvent) => setRow(rowOf(event.target));
    // Focus moving elsewhere arrives as its own focusin; focus lost to nothing (a row unmounted, the window left) ends it.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget === null) setRow(null);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);
  return row;
}
