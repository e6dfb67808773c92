import { useEffect, useSyncExternalStore } from 'react';

interface Announcement {
  id: number;
  message: string;
  /** Also shown on screen, for actions whose control does not change (a keyboard shortcut). */
  visible: boolean;
}

let current: Announcement | null = null;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

/** Says something through the page's one live region, and on screen too when asked. */
export function announce(message: string, { visible = false } = {}): void {
  current = { id: nextId++, message, visible };
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The live region every announcement goes through, and the toast the visible ones show in; mounted once, by the layout. */
export function Announcer() {
  const announcement = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => {
      if (current?.id === announcement.id) {
        current = null;
        emit();
      }
    }, 2500);
    return () => clearTimeout(timer);
  }, [announcement]);
  return (
    <>
      <output className="sr-only" data-testid="announcer">
        {announcement ? <span key={announcement.id}>{announcement.message}</span> : null}
      </output>
      {announcement?.visible ? (
        <div
          aria-hidden="true"
          data-testid="toast"
          className="pointer-events-none fixed inset-x-0 top-3 z-50 mx-auto w-fit max-w-[calc(100vw-2rem)] rounded-full bg-zinc-900 px-4 py-2 text-sm font-medium text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
        >
          {announcement.message}
        </div>
      ) : null}
    </>
  );
}
