import { useEffect, useEffectEvent } from 'react';
import { isTypingTarget } from '../../../lib/typing-target';


/** `n` and `p` step to the next and previous difference, unless the reader is typing. */
export function useDifferenceKeys(step: (direction: 1 | -1) => void) {
  const handle = useEffectEvent(step);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key !== 'n' && event.key !== 'p') return;
      event.preventDefault();
      handle(event.key === 'n' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
