import { useEffect, useEffectEvent } from 'react';
import { isTypingTarget } from '../../../lib/typing-target';
import { shortcutFor, type ShortcutAction } from './keymap';

/** Listens for the transcript's shortcuts on the whole page while the transcript is open. */
export function useTranscriptKeys(onAction: (action: ShortcutAction, event: KeyboardEvent) => void) {
  const handle = useEffectEvent(onAction);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing: isTypingTarget(target),
        inSearch: target instanceof HTMLElement && target.hasAttribute('data-transcript-search'),
        onRow: target instanceof HTMLElement && target.hasAttribute('data-view-index'),
        onPage: target === document.body || target === document.documentElement || target === window,
      });
      if (!action) return;
      event.preventDefault();
      handle(action, event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
