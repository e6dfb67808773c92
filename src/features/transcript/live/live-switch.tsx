import { useEffect, useState } from 'react';
import { liveStatusText } from './live-status';
import type { LiveUpdates } from './use-live-updates';

/** The Live switch and its state, always in the toolbar; the relative time ticks here only, not in the page. */
export function LiveSwitch({ live }: { live: LiveUpdates }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live.on) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live.on]);
  const line = liveStatusText(live, Math.max(now, live.lastUpdatedAt ?? 0));

  return (
    <div className="flex min-w-0 items-center gap-2 text-xs">
      <button
        type="button"
        role="switch"
        aria-checked={live.on}
        onClick={live.toggle}
        title={live.on ? 'Stop watching this conversation for new items' : 'Watch this conversation for new and changed items'}
        className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 font-medium ${live.on ? 'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200' : 'border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
      >
        <span aria-hidden="true" className={`size-2 rounded-full ${live.on ? 'animate-pulse bg-emerald-500' : 'bg-zinc-400'}`} />
        Live
      </button>
      {/* A failure's reason is cut short in the line; its whole text is at hand on hover. A watch that stopped after a
          quiet period is described by that, not by its last check's failure. */}
      <output
        data-testid="live-status"
        aria-live="off"
        title={(live.on || live.stoppedByFailures) && live.error instanceof Error ? live.error.message : line}
        className="truncate text-zinc-600 tabular-nums dark:text-zinc-400">
        {line}
      </output>
      {live.on && live.behind ? (
        <button
          type="button"
          onClick={live.reload}
          className="shrink-0 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Reload
        </button>
      ) : null}
    </div>
  );
}
