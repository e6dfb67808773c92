import { useEffect, useState, type RefObject } from 'react';

/**
 * The row (its oldest-first number) that holds the keyboard's focus inside the container, or null: focus the keyboard
 * moved (j/k, Tab), not a click on a row, which focuses it too. Focus leaves a row when the reader tabs or clicks
 * away, or when the list unmounts it far off screen (some browsers say nothing then, so the element is checked too).
 */
export function useFocusedRow(container: RefObject<HTMLElement | null>): number | null {
  const [focused, setFocused] = useState<{ row: number; element: Element } | null>(null);
  useEffect(() => {
    // Listened for on the document: the container comes and goes (a skeleton shows before the list).
    const onFocusIn = (event: FocusEvent) => {
      const element = container.current;
      const target = event.target;
      if (!element || !(target instanceof Element) || !element.contains(target) || !target.matches(':focus-visible')) return setFocused(null);
      const row = target.closest('[data-row]');
      const value = row?.getAttribute('data-row');
      setFocused(row && value ? { row: Number(value), element: row } : null);
    };
    // Focus moving elsewhere arrives as its own focusin; focus lost to nothing (a row unmounted, the window left) ends it.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget === null) setFocused(null);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);
  return focused && focused.element.isConnected ? focused.row : null;
}
