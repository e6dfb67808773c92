import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface RovingToolbarProps {
  label: string;
  className?: string;
  children: ReactNode;
}

const CONTROLS = 'button:not([disabled]), a[href]';
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
    const at = Math.min(active.current, list.length - 1);
    list.forEach((control, index) => {
      control.tabIndex = index === at ? 0 : -1;
    });
  };

  // Children change their controls (a copied label, a toggled switch); every render puts the stops back.
  useLayoutEffect(() => settle(controls()));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = KEYS[event.key];
    if (!move) return;
    const list = controls();
    const at = list.indexOf(event.target as HTMLElement);
    if (at < 0 || list.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    active.current = move(at, list.length);
    settle(list);
    list[active.current].focus();
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
