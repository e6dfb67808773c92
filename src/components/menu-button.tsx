import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface MenuButtonProps {
  label: ReactNode;
  /** The button's classes. */
  className?: string;
  /** The panel's contents; `close` closes it and gives focus back to the button. */
  children: (close: () => void) => ReactNode;
  panelClassName?: string;
}

const MARGIN = 8;

/**
 * A button that opens a panel below it (the disclosure pattern). The panel stays inside the screen, and closes on
 * Escape, on a click outside or when a choice is made; Escape and a choice give focus back to the button.
 */
export function MenuButton({ label, className = '', children, panelClassName = '' }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // Aligned to the button's right edge, then moved back inside the screen if it sticks out on either side.
  useLayoutEffect(() => {
    if (!open || !panel.current) return;
    const place = () => {
      const box = panel.current?.getBoundingClientRect();
      if (!box) return;
      const left = box.left - shift;
      const right = box.right - shift;
      const width = document.documentElement.clientWidth;
      setShift(left < MARGIN ? MARGIN - left : right > width - MARGIN ? width - MARGIN - right : 0);
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
    // `shift` is read to undo itself; placing again when it changes would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    // Focus leaving the menu (Tab past its last choice) closes it too.
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) close(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)} className={className}>
        {label}
      </button>
      {open ? (
        <div ref={panel} id={panelId} style={{ transform: shift ? `translateX(${shift}px)` : undefined }} className={`absolute right-0 z-30 mt-1 ${panelClassName}`}>
          {children(() => close(true))}
        </div>
      ) : null}
    </div>
  );
}
