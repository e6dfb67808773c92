import { NARROW_SCREEN } from '../lib/use-narrow-screen';
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface RovingToolbarProps {
  label: string;
  className?: string;
  children: ReactNode;
}

const CONTROLS = 'button:not([disabled]), a[href]';
/**
 * Whether the screen is narrower than the `sm` breakpoint (40rem), kept up to date by the query's own events: every
 * row's toolbar asks on every render, and asking the layout there would force it once a row.
 */
let narrow = false;
if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
  const query = window.matchMedia(NARROW_SCREEN);
  narrow = query.matches;
  query.addEventListener('change', (event) => {
    narrow = event.matches;
  });
}
/**
 * Whether a control is laid out: one marked `data-narrow-hidden` (styled `max-sm:hidden`) is left out on a narrow
 * screen. Hidden by opacity until hover or focus still counts as shown.
 */
const shown = (control: HTMLElement) => !(narrow && control.hasAttribute('data-narrow-hidden'));
const KEYS: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowDown: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  ArrowUp: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * A row of controls that takes one Tab stop: Tab enters at the control used last, arrow keys, Home and End move
 * within it (the WAI-ARIA toolbar pattern). Works on whatever buttons and links the children render.
 */
export function RovingToolbar({ label, className = '', children }: RovingToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const active = useRef(0);

  const controls = () => [...(ref.current?.querySelectorAll<HTMLElement>(CONTROLS) ?? [])];
  const settle = (list: HTMLElement[]) => {
    let at = Math.min(active.current, list.length - 1);
    // A control the layout leaves out (a row's permalink on a narrow screen) cannot take the focus: the stop goes to
    // the first one shown, or Tab would pass the whole toolbar by.
    if (at >= 0 && !shown(list[at])) at = Math.max(0, list.findIndex(shown));
    list.forEach((control, index) => {
      control.tabIndex = index === at ? 0 : -1;
    });
  };

  // Children change their controls (a copied label, a toggled switch); every render puts the stops back.
  useLayoutEffect(() => settle(controls()));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = KEYS[event.key];
    if (!move) return;
    const all = controls();
    // Arrow keys step over controls the layout leaves out, which would keep the focus where it was.
    const list = all.filter(shown);
    const at = list.indexOf(event.target as HTMLElement);
    if (at < 0 || list.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const next = list[move(at, list.length)];
    active.current = all.indexOf(next);
    settle(all);
    next.focus();
  };

  const onFocus = () => {
    const list = controls();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (at >= 0 && at !== active.current) {
      active.current = at;
      settle(list);
    }
  };

  return (
    <div ref={ref} role="toolbar" tabIndex={-1} aria-label={label} onKeyDown={onKeyDown} onFocus={onFocus} className={className}>
      {children}
    </div>
  );
}
