import { formatCount } from '../../../shared/format';
interface LoadProgressProps {
  loaded: number;
  loading: boolean;
  paused: boolean;
  /** Absent where loading cannot stop (a file being read). */
  onPause?: () => void;
  onResume: () => void;
}


/**
 * Shown while later pages stream in, and when the reader has stopped them. The button comes first and keeps its
 * element and place while the count beside it grows, so a click never lands on a moving target.
 */
export function LoadProgress({ loaded, loading, paused, onPause, onResume }: LoadProgressProps) {
  return (
    <div className="flex items-center gap-3 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      {paused || onPause ? (
      <button
        type="button"
        onClick={paused ? onResume : onPause}
        className={
          paused
            ? 'shrink-0 rounded-md border border-indigo-600 bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700'
            : 'shrink-0 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800'
        }
      >
        {paused ? 'Load the rest' : 'Stop loading'}
      </button>
      ) : null}
      {/* Not read out: a long run's count changes many times a second (TranscriptBottomBar says when loading starts and ends). */}
      <span className="flex items-center gap-2 text-zinc-600 tabular-nums dark:text-zinc-300">
        {loading && !paused ? <span className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden="true" /> : null}
        {paused ? `Stopped after ${formatCount(loaded)} items; more are available.` : `Loading… ${formatCount(loaded)} items so far`}
      </span>
    </div>
  );
}
