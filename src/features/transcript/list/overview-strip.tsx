import { useEffect, useRef, useState, type MouseEvent } from 'react';

interface OverviewStripProps {
  /** View positions in all. */
  count: number;
  turns: readonly number[];
  failures: readonly number[];
  matches: readonly number[];
  /** The view positions on screen, first and last. */
  visible: readonly [number, number] | null;
  /** Distance from the top of the window, below the sticky toolbar. */
  top: number;
  onJump: (viewIndex: number) => void;
}

const COLORS = {
  light: { turn: '#6366f1', failure: '#e11d48', match: '#d97706', window: 'rgba(24,24,27,0.55)', track: 'rgba(228,228,231,0.7)' },
  dark: { turn: '#818cf8', failure: '#fb7185', match: '#fbbf24', window: 'rgba(244,244,245,0.7)', track: 'rgba(39,39,42,0.8)' },
};

/** Where a view position is drawn on a strip `height` pixels tall. */
function stripY(viewIndex: number, count: number, height: number): number {
  return Math.min(height - 2, (viewIndex / count) * height);
}

/**
 * The lines to draw for these view positions, one per whole pixel however many positions share it: a long run has
 * thousands of turns on a strip a few hundred pixels tall.
 */
export function stripLines(positions: readonly number[], count: number, height: number): number[] {
  const lines = new Set<number>();
  for (const position of positions) lines.add(Math.floor(stripY(position, count, height)));
  return [...lines];
}

/**
 * The whole transcript at once beside the list, like an editor's overview ruler: a mark per turn, failures and
 * search matches in their colours, the part on screen outlined. Drawn on a canvas, so 50,000 items cost one pass.
 */
export function OverviewStrip({ count, turns, failures, matches, visible, top, onJump }: OverviewStripProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The strip's size, kept by an observer: reading it while drawing would lay the page out again.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setSize({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    // Drawn in the next frame, so pages arriving close together are drawn once.
    const frame = requestAnimationFrame(() => {
      const element = canvas.current;
      const context = element?.getContext('2d');
      if (!element || !context || count === 0 || !size) return;
      const ratio = window.devicePixelRatio || 1;
      const { width, height } = size;
      // Setting a canvas's size allocates its pixels again: done only when it changes, not at every loading slice.
      const pixels = { width: Math.round(width * ratio), height: Math.round(height * ratio) };
      if (element.width !== pixels.width || element.height !== pixels.height) Object.assign(element, pixels);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const colors = window.matchMedia('(prefers-color-scheme: dark)').matches ? COLORS.dark : COLORS.light;
      context.clearRect(0, 0, width, height);
      context.fillStyle = colors.track;
      context.fillRect(0, 0, width, height);
      context.fillStyle = colors.turn;
      for (const y of stripLines(turns, count, height)) context.fillRect(0, y, width * 0.4, 1);
      context.fillStyle = colors.match;
      for (const y of stripLines(matches, count, height)) context.fillRect(width * 0.3, y, width * 0.7, 2);
      context.fillStyle = colors.failure;
      for (const y of stripLines(failures, count, height)) context.fillRect(0, y, width, 3);
      if (visible) {
        context.strokeStyle = colors.window;
        context.lineWidth = 1.5;
        const from = stripY(visible[0], count, height);
        context.strokeRect(0.75, from, width - 1.5, Math.max(4, stripY(visible[1] + 1, count, height) - from));
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [count, turns, failures, matches, visible, size]);

  const jump = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onJump(Math.max(0, Math.min(count - 1, Math.floor(((event.clientY - box.top) / box.height) * count))));
  };

  return (
    <canvas
      ref={canvas}
      aria-hidden="true"
      data-testid="overview-strip"
      title="Overview: turns, failures (red) and search matches (amber). Click to jump."
      onClick={jump}
      className="fixed z-10 hidden w-3 cursor-pointer rounded sm:block"
      // Just right of the centred 56rem column, or in its padding when the window is narrower.
      style={{ top: top + 8, height: `calc(100dvh - ${top + 72}px)`, right: 'max(2px, calc(50vw - 28rem - 1.25rem))' }}
    />
  );
}
