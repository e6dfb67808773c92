import { useEffect, useSyncExternalStore } from 'react';

interface Announcement {
  id: number;
  message: string;
  /** Also shown on screen, for actions whose control does not change (a keyboard shortcut). */
  visible: boolean;
  /** Something that did not happen, and why: shown until dismissed (or the next toast), not for a moment. */
  problem: boolean;
}

interface Said {
  /** What the live region says now. */
  said: Announcement | null;
  /**
   * The toast on screen: a problem until dismissed or replaced by another toast, else for a moment. A quiet
   * announcement does not put it away.
   */
  shown: Announcement | null;
}

/** How long a message is said, and a toast that is not a problem shown. */
const SHOWN_MS = 2500;

let current: Said = { said: null, shown: null };
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

/** Says something through the page's one live region, and on screen too when asked. */
export function announce(message: string, { visible = false, problem = false } = {}): void {
  const announcement = { id: nextId++, message, visible: visible || problem, problem };
  current = { said: announcement, shown: announcement.visible ? announcement : current.shown };
  emit();
}

function dismiss() {
  current = { said: current.said?.problem ? null : current.said, shown: null };
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Takes `announcement` out of the announcer's `part` after a moment, unless a newer one took its place; a problem stays. */
function useGoneAfterMoment(part: keyof Said, announcement: Announcement | null) {
  useEffect(() => {
    if (!announcement || announcement.problem) return;
    const timer = setTimeout(() => {
      if (current[part]?.id !== announcement.id) return;
      current = { ...current, [part]: null };
      emit();
    }, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [part, announcement]);
}

/** The live region every announcement goes through, and the toast the visible ones show in; mounted once, by the layout. */
export function Announcer() {
  const { said, shown } = useSyncExternalStore(subscribe, () => current);
  // What is said goes after a moment, and so does a toast that is not a problem; each on its own clock, so a quiet
  // announcement does not cut short the toast of an action the reader has just taken.
  useGoneAfterMoment('said', said);
  useGoneAfterMoment('shown', shown);
  // Toasts sit above the transcript's bottom bar (its load progress and position pill) and clear of the sticky toolbar
  // at the top, where the reader's search and controls are.
  return (
    <>
      <output className="sr-only" data-testid="announcer">
        {said ? <span key={said.id}>{said.message}</span> : null}
      </output>
      {shown?.problem ? (
        // Read out through the live region above; here for the eyes, with a way to put it away.
        <div
          data-testid="toast"
          className="fixed inset-x-0 bottom-16 z-50 mx-auto flex w-fit max-w-[min(36rem,calc(100vw-2rem))] items-start gap-3 rounded-xl border border-rose-300 bg-rose-50 px-4 py-2.5 text-sm text-rose-950 shadow-lg dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
        >
          <p>{shown.message}</p>
          <button type="button" onClick={dismiss} className="shrink-0 rounded-md px-1.5 py-0.5 text-xs font-medium underline-offset-2 hover:underline">
            Dismiss
          </button>
        </div>
      ) : shown ? (
        <div
          aria-hidden="true"
          data-testid="toast"
          className="pointer-events-none fixed inset-x-0 bottom-16 z-50 mx-auto w-fit max-w-[calc(100vw-2rem)] rounded-full bg-zinc-900 px-4 py-2 text-sm font-medium text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
        >
          {shown.message}
        </div>
      ) : null}
    </>
  );
}
