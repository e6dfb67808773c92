interface LoadProgressProps {
  loaded: number;
  loading: boolean;
  paused: boolean;
  /** Absent where loading cannot stop (a file being read). */
  onPause?: () => void;
  onResume: () => void;
}

/** Shown while later pages stream in, and when the reader has stopped them. */
export function LoadProgress({ loaded, loading, paused, onPause, onResume }: LoadProgressProps) {
  return (
    <output
      className="flex items-center gap-3 rounded-lg border border-zinc-200 bg-white/90 px-3 py-2 text-sm shadow-sm backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90"
    >
      {paused ? (
        <>
          <span className="text-zinc-600 dark:text-zinc-300">Stopped after {loaded} items; more are available.</span>
          <button type="button" onClick={onResume} className="ml-auto rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700">
            Load the rest
          </button>
        </>
      ) : (
        <>
          {loading ? <span className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden="true" /> : null}
          <span className="text-zinc-600 dark:text-zinc-300">Loading… {loaded} items so far</span>
          {onPause ? (
            <button type="button" onClick={onPause} className="ml-auto rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
              Stop loading
            </button>
          ) : null}
        </>
      )}
    </output>
  );
}
