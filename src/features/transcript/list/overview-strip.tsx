import { useEffect, useRef, type MouseEvent } from 'react';

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

/**
 * The whole transcript at once beside the list, like an editor's overview ruler: a mark per turn, failures and
 * search matches in their colours, the part on screen outlined. Drawn on a canvas, so 50,000 items cost one pass.
 */
export function OverviewStrip({ count, turns, failures, matches, visible, top, onJump }: OverviewStripProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || count === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const width = element.clientWidth;
    const height = element.clientHeight;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    context.scale(ratio, ratio);
    const colors = window.matchMedia('(prefers-color-scheme: dark)').matches ? COLORS.dark : COLORS.light;
    const y = (viewIndex: number) => Math.min(height - 2, (viewIndex / count) * height);
    context.fillStyle = colors.track;
    context.fillRect(0, 0, width, height);
    context.fillStyle = colors.turn;
    for (const position of turns) context.fillRect(0, y(position), width * 0.4, 1);
    context.fillStyle = colors.match;
    for (const position of matches) context.fillRect(width * 0.3, y(position), width * 0.7, 2);
    context.fillStyle = colors.failure;
    for (const position of failures) context.fillRect(0, y(position), width, 3);
    if (visible) {
      context.strokeStyle = colors.window;
      context.lineWidth = 1.5;
      const from = y(visible[0]);
      context.strokeRect(0.75, from, width - 1.5, Math.max(4, y(visible[1] + 1) - from));
    }
  }, [count, turns, failures, matches, visible]);

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
