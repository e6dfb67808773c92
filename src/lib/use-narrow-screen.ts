import { useSyncExternalStore } from 'react';

/** Tailwind's `sm` breakpoint: below it the layout is a phone's. */
export const NARROW_SCREEN = '(width < 40rem)';

const query = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_SCREEN) : null);

function subscribe(listener: () => void) {
  const media = query();
  media?.addEventListener('change', listener);
  return () => media?.removeEventListener('change', listener);
}

/** Whether the screen is a phone's (narrower than `sm`), kept up to date as it turns or the window is resized. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false);
}
