import type { TranscriptIndex } from '../data/transcript-index';
import { formatCount } from '../../../shared/format';
import { TOUCH_TARGET } from '../../../components/touch-target';

interface PositionIndicatorProps {
  index: TranscriptIndex;
  /** The oldest-first row at the top of the screen. */
  topRow: number | null;
  onTop: () => void;
  onEnd: () => void;
}


function positionText(index: TranscriptIndex, row: number | null): string {
  const slot = row === null ? null : index.slotAt(row);
  if (!slot) return `${formatCount(index.itemCount)} items loaded`;
  if (index.complete) return `Item ${formatCount(index.rowOf(slot) + 1)} of ${formatCount(index.itemCount)}`;
  return slot.end === 'head'
    ? `Item ${formatCount(slot.offset + 1)} · ${formatCount(index.itemCount)} loaded`
    : `Item ${formatCount(index.rowCount - index.rowOf(slot))} from the end · ${formatCount(index.itemCount)} loaded`;
}

/** Where the reader is in a long transcript, with jumps to either end; always on screen. */
export function PositionIndicator({ index, topRow, onTop, onEnd }: PositionIndicatorProps) {
  return (
    <div className="flex items-center gap-1 rounded-full border border-zinc-200 bg-white py-1 pr-1 pl-3 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      {/* Shown, not read out: it changes with every scroll. */}
      <output data-testid="position" aria-live="off" className="tabular-nums text-zinc-700 dark:text-zinc-300">
        {positionText(index, topRow)}
      </output>
      <button type="button" onClick={onTop} title="Go to the top" aria-label="Go to the top" className={`ml-1 rounded-full px-2 py-0.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 ${TOUCH_TARGET}`}>
        ↑ Top
      </button>
      <button type="button" onClick={onEnd} title="Go to the end" aria-label="Go to the end" className={`rounded-full px-2 py-0.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 ${TOUCH_TARGET}`}>
        ↓ End
      </button>
    </div>
  );
}
