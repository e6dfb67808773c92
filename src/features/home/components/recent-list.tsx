import { Link } from 'wouter';
import { stringifySearch, transcriptPath } from '../../../lib/navigation';
import type { SourceSummary } from '../../sources/api/get-sources';
import type { RecentConversation } from '../../../lib/recent-conversations';
import { formatAge } from '../../../shared/format';


interface RecentListProps {
  recent: readonly RecentConversation[];
  sources: readonly SourceSummary[];
  onClear: () => void;
  now: number;
}

/** The conversations this browser opened last: kept in this browser only, never on the server. */
export function RecentList({ recent, sources, onClear, now }: RecentListProps) {
  if (recent.length === 0) return null;
  const labels = new Map(sources.map((source) => [source.id, source.label]));
  return (
    <section aria-labelledby="recent-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="recent-heading" className="text-sm font-semibold tracking-wide text-zinc-600 dark:text-zinc-400 uppercase">
          Recently opened
        </h2>
        <button type="button" onClick={onClear} className="ml-auto text-xs text-zinc-600 dark:text-zinc-400 hover:text-zinc-800 hover:underline dark:hover:text-zinc-200">
          Clear
        </button>
      </div>
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {recent.map((entry) => (
          <li key={`${entry.source}/${entry.conversationId}`}>
            <Link
              href={`${transcriptPath(entry.conversationId)}${stringifySearch({ source: entry.source })}`}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
            >
              {entry.title ? <span className="min-w-0 text-sm font-medium">{entry.title}</span> : null}
              <span className={`min-w-0 font-mono break-all ${entry.title ? 'text-xs text-zinc-600 dark:text-zinc-400' : 'text-sm'}`}>{entry.conversationId}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{labels.get(entry.source) ?? entry.source}</span>
              <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">{formatAge(entry.openedAt, now)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
