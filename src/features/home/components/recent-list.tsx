import { useRef } from 'react';
import { Link } from 'wouter';
import { announce } from '../../../components/announcer';
import { stringifySearch, transcriptPath } from '../../../lib/navigation';
import type { SourceSummary } from '../../sources/api/get-sources';
import type { RecentConversation } from '../../../lib/recent-conversations';
import { formatAge } from '../../../shared/format';
import { PAGE_HEADING } from './page-heading';
import { TOUCH_TARGET } from '../../../components/touch-target';


interface RecentListProps {
  recent: readonly RecentConversation[];
  sources: readonly SourceSummary[];
  onClear: () => void;
  /** Takes one conversation off the list. */
  onForget: (entry: RecentConversation) => void;
  /** What the last Clear or Forget took (the newest of it first), until it is undone or the list changes again. */
  undo?: { message: string; first: RecentConversation; onUndo: () => void } | null;
  now: number;
}

const keyOf = (entry: RecentConversation) => `${entry.source}/${entry.conversationId}`;

/**
 * The conversations this browser opened last: kept in this browser only, never on the server. Each can be taken off
 * the list, or all at once, and put back with Undo; the focus then goes to the next one's button, or to Undo when none
 * is left.
 */
export function RecentList({ recent, sources, onClear, onForget, undo = null, now }: RecentListProps) {
  const list = useRef<HTMLUListElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  if (recent.length === 0 && !undo) return null;
  const labels = new Map(sources.map((source) => [source.id, source.label]));
  const focusAfter = (at: number) => {
    const next = recent[at + 1] ?? recent[at - 1];
    // After the list has changed: the button of the entry that takes this one's place, or the page's heading.
    requestAnimationFrame(() => {
      const target = next ? list.current?.querySelector<HTMLElement>(`[data-forget="${CSS.escape(keyOf(next))}"]`) : null;
      (target ?? undoButton.current ?? document.getElementById(PAGE_HEADING))?.focus();
    });
  };
  return (
    <section aria-labelledby="recent-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="recent-heading" className="text-sm font-semibold tracking-wide text-zinc-600 dark:text-zinc-400 uppercase">
          Recently opened
        </h2>
        {recent.length > 0 ? (
          <button
            type="button"
            onClick={() => {
              onClear();
              // To Undo, the one thing left to do here.
              requestAnimationFrame(() => undoButton.current?.focus());
              announce('Cleared the list of recently opened conversations.');
            }}
            className={`ml-auto text-xs text-zinc-600 dark:text-zinc-400 hover:text-zinc-800 hover:underline dark:hover:text-zinc-200 ${TOUCH_TARGET}`}
          >
            Clear
          </button>
        ) : null}
      </div>
      {undo ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
          <span>{undo.message}</span>
          <button
            ref={undoButton}
            type="button"
            onClick={() => {
              const back = keyOf(undo.first);
              undo.onUndo();
              // The Undo button goes with what it put back: the focus goes to that entry's Forget.
              requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-forget="${CSS.escape(back)}"]`)?.focus());
              announce('Put back on the list.');
            }}
            className="rounded font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            Undo
          </button>
        </p>
      ) : null}
      {recent.length > 0 ? (
        <ul ref={list} className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {recent.map((entry, at) => (
            <li key={keyOf(entry)} className="flex items-center">
              <Link
                href={`${transcriptPath(entry.conversationId)}${stringifySearch({ source: entry.source })}`}
                className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2.5 pl-4 pr-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
              >
                {entry.title ? <span className="min-w-0 text-sm font-medium">{entry.title}</span> : null}
                <span className={`min-w-0 font-mono break-all ${entry.title ? 'text-xs text-zinc-600 dark:text-zinc-400' : 'text-sm'}`}>{entry.conversationId}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{labels.get(entry.source) ?? entry.source}</span>
                <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">{formatAge(entry.openedAt, now)}</span>
              </Link>
              <button
                type="button"
                data-forget={keyOf(entry)}
                onClick={() => {
                  onForget(entry);
                  focusAfter(at);
                }}
                aria-label={`Forget ${entry.title ?? entry.conversationId}`}
                title="Take it off this list"
                className="mr-2 shrink-0 rounded px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
