import { useEffect, useEffectEvent } from 'react';

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** `n` and `p` step to the next and previous difference, unless the reader is typing. */
export function useDifferenceKeys(step: (direction: 1 | -1) => void) {
  const handle = useEffectEvent(step);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      if (event.key !== 'n' && event.key !== 'p') return;
      event.preventDefault();
      handle(event.key === 'n' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
