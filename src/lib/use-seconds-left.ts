import { useEffect, useState } from 'react';

/**
 * The whole seconds left of a wait a server asked for (a rate limit's Retry-After), counting down to 0 once a second;
 * 0 without one. The count starts again when `since` changes: a new failure, or a retry that has ended.
 */
export function useSecondsLeft(seconds: number | null | undefined, since: unknown): number {
  const wait = seconds && seconds > 0 ? Math.ceil(seconds) : 0;
  const [left, setLeft] = useState<{ since: unknown; wait: number; left: number }>({ since, wait, left: wait });
  // A new wait, or the same one again after `since` changed, starts from the top, in this very render.
  const current = left.since === since && left.wait === wait ? left : { since, wait, left: wait };
  if (current !== left) setLeft(current);
  useEffect(() => {
    if (current.left <= 0) return;
    const until = Date.now() + current.left * 1000;
    const timer = setInterval(() => {
      const rest = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft((state) => (state.since === since && state.wait === wait ? { ...state, left: rest } : state));
      if (rest === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
    // The count runs from when this wait began; each tick's own update must not start it again.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [since, wait]);
  return current.left;
}
