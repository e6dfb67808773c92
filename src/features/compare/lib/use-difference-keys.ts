import { useEffect, useEffectEvent } from 'react';
import { isTypingTarget } from '../../../lib/typing-target';


/** A modal dialog is open (Share as snapshots…): the page behind it does not move. */
const behindDialog = () => document.querySelector('dialog[open]') !== null;

/** `n` and `p` step to the next and previous difference, unless the reader is typing or a dialog is open. */
export function useDifferenceKeys(step: (direction: 1 | -1) => void) {
  const handle = useEffectEvent(step);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target) || behindDialog()) return;
      if (event.key !== 'n' && event.key !== 'p') return;
      event.preventDefault();
      handle(event.key === 'n' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
