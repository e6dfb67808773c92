import type { Side } from '../lib/compare-search';
import { formatCount } from '../../../shared/format';
import { ShortenedId } from '../../../components/shortened-id';

export interface SideStats {
  items: number;
  toolCalls: number;
  failures: number;
  tokens: number;
  tokensDone: boolean;
  /** Why there is no estimate (the tokenizer could not be loaded), when there is none. */
  tokensFailed?: string | null;
}

interface SideSummaryProps {
  side: Side;
  name: string;
  sourceLabel: string;
  title: string | null;
  stats: SideStats | null;
  /** Set while this side is still loading: how many items so far. */
  loading?: number;
  /** Set when this side could not be read (its error says why, below the summaries). */
  failed?: boolean;
  /**
   * Set for a snapshot that left its tool outputs out: the failures of the run it was taken of. The snapshot itself
   * cannot tell a failed call from one that worked.
   */
  originalFailures?: number;
  /** What reading the run's file did, or why it stopped part way. */
  note?: string | null;
}


/** What one run amounts to: its items, tool calls, failures and size in tokens. */
export function SideSummary({ side, name, sourceLabel, title, stats, loading, failed = false, originalFailures, note }: SideSummaryProps) {
  const letter = side.toUpperCase();
  return (
    <section aria-label={`Run ${letter}`} data-testid={`summary-${side}`} className="min-w-0 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="flex items-baseline gap-2">
        <span className="rounded bg-zinc-900 px-1.5 font-mono text-xs font-bold text-white dark:bg-zinc-100 dark:text-zinc-900">{letter}</span>
        <span className="min-w-0 truncate font-medium">{title ?? name}</span>
      </p>
      {/* One line: a long ID gives up characters in its middle, the source keeps its name. */}
      <p className="mt-0.5 flex font-mono text-xs text-zinc-600 dark:text-zinc-400" title={`${name} · ${sourceLabel}`}>
        <span data-testid={`name-${side}`} className="min-w-0 overflow-hidden whitespace-nowrap">
          <ShortenedId id={name} />
        </span>
        <span className="max-w-[60%] shrink-0 truncate whitespace-pre">{` · ${sourceLabel}`}</span>
      </p>
      {note ? (
        <p data-testid={`note-${side}`} className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          {note}
        </p>
      ) : null}
      {stats ? (
        <dl className="mt-2 grid grid-cols-4 gap-2 text-sm">
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Items</dt>
            <dd data-testid={`items-${side}`} className="font-semibold tabular-nums">{formatCount(stats.items)}</dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Tool calls</dt>
            <dd data-testid={`tool-calls-${side}`} className="font-semibold tabular-nums">
              {formatCount(stats.toolCalls)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Failures</dt>
            {originalFailures === undefined ? (
              <dd data-testid={`failures-${side}`} className={`font-semibold tabular-nums ${stats.failures > 0 ? 'text-red-700 dark:text-red-400' : ''}`}>
                {formatCount(stats.failures)}
              </dd>
            ) : (
              <dd data-testid={`failures-${side}`} className="tabular-nums" title="This snapshot left out the tool outputs, which tell a failed call apart: the figure is the original run’s">
                <span className="font-semibold">{formatCount(originalFailures)}</span> <span className="text-xs text-zinc-600 dark:text-zinc-400">in the original</span>
              </dd>
            )}
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Tokens</dt>
            <dd
              data-testid={`tokens-${side}`}
              className="font-semibold tabular-nums"
              title={stats.tokensFailed ? `No estimate: the tokenizer could not be loaded (${stats.tokensFailed}). Reload the page to try again.` : 'An estimate (o200k_base); providers count differently'}
            >
              {stats.tokensFailed ? 'n/a' : stats.tokensDone ? `≈${formatCount(stats.tokens)}` : '…'}
            </dd>
          </div>
        </dl>
      ) : failed ? (
        <p className="mt-2 text-sm font-medium text-red-700 dark:text-red-400">Could not be read{loading ? ` (${formatCount(loading)} items read)` : ''}</p>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Loading… {loading ? `${formatCount(loading)} items so far` : ''}</p>
      )}
    </section>
  );
}
