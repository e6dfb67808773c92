import { useEffect, useEffectEvent } from 'react';
import { shortcutFor, type ShortcutAction } from './keymap';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

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
        typing: isTyping(target),
        inSearch: target instanceof HTMLElement && target.hasAttribute('data-transcript-search'),
        onRow: target instanceof HTMLElement && target.hasAttribute('data-view-index'),
      });
      if (!action) return;
      event.preventDefault();
      handle(action, event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
