import type { DeepLinkState } from '../list/use-deep-link';
import { formatCount } from '../../../shared/format';

interface TranscriptNoticesProps {
  anchor: DeepLinkState;
  /**
   * What "Failures only" or one tool's calls narrow the list to, when either is on: how many, what they are, and how
   * many other items show because the reader asked for them (a failure stepped to, a link).
   */
  narrowed: { count: number; what: string; askedFor: number } | null;
  onShowEverything: () => void;
  /** Shows the kinds the filter hides; absent when it hides none. */
  onShowAllKinds?: () => void;
  /** Items the filter leaves shown, once items have loaded. */
  shown: number | null;
  loaded: number;
  /** Items shown though the filter hides their kind. */
  revealed: number;
}

const NOTICE_BUTTON = 'rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800';

/** What the reader should know about the rows below: a linked item still loading or missing, and what a filter hides. */
export function TranscriptNotices({ anchor, narrowed, onShowEverything, onShowAllKinds, shown, loaded, revealed }: TranscriptNoticesProps) {
  return (
    <>
      {anchor.kind === 'searching' ? (
        <output className="block rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Looking for item <code className="font-mono">{anchor.itemId}</code>: it has not loaded yet.
        </output>
      ) : null}
      {anchor.kind === 'missing' ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Item <code className="font-mono">{anchor.itemId}</code> is not in this conversation.
        </p>
      ) : null}

      {narrowed !== null ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="filter-summary">
          {narrowed.count === 0
            ? // A tool no item calls (a link written by hand, or for another run): nothing to show, said as such.
              `None of the ${formatCount(loaded)} loaded items ${loaded === 1 ? 'is' : 'are'} ${narrowed.what}`
            : `Showing only the ${formatCount(narrowed.count)} ${narrowed.what} of ${formatCount(loaded)} loaded`}
          {narrowed.askedFor > 0 ? `, and ${narrowed.askedFor === 1 ? 'one other item' : `${formatCount(narrowed.askedFor)} other items`} you asked for` : ''}.
          <button type="button" onClick={onShowEverything} className={NOTICE_BUTTON}>
            Show everything
          </button>
        </p>
      ) : shown !== null && shown !== loaded ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="filter-summary">
          <span>
            Showing {formatCount(shown)} of {formatCount(loaded)} loaded items
            {revealed > 0 ? `, including ${revealed === 1 ? 'one item' : `${formatCount(revealed)} items`} the filter hides, shown because you asked for it` : ''}.
          </span>
          {onShowAllKinds ? (
            <button type="button" onClick={onShowAllKinds} className={NOTICE_BUTTON}>
              Show every kind
            </button>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
