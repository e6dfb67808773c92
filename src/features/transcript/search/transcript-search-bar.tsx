import { useId, useState, type Ref } from 'react';
import { ITEM_KINDS, type ItemKind } from '../lib/item-filter';
import { formatCount } from '../../../shared/format';
import { TOUCH_TARGET } from '../../../components/touch-target';

interface TranscriptSearchBarProps {
  counts: Record<ItemKind, number>;
  hidden: ReadonlySet<ItemKind>;
  onToggleKind: (kind: ItemKind) => void;
  query: string;
  onQuery: (query: string) => void;
  matchCount: number;
  currentOrdinal: number;
  /** True while the shown matches are for an older query than the one typed, or the search has not answered yet. */
  pending: boolean;
  /** Why search cannot run (its code could not be loaded): said in place of the match count. */
  unavailable?: string | null;
  onStep: (direction: 1 | -1) => void;
  /** Esc: the search is cleared; the reader goes on from the match they were on. */
  onLeave?: () => void;
  inputRef: Ref<HTMLInputElement>;
  /**
   * On a phone, the button that unfolds the other controls (the kind filter and the Live line among them); `alert`
   * is what the folded controls hold that must be seen without unfolding them (Live checks that fail).
   */
  more: { id: string; open: boolean; onToggle: () => void; alert?: string | null };
}

/** Whether a keyboard is likely at hand (a fine pointer: a mouse, not a finger): only then does the box hint at its / shortcut. */
const KEYBOARD = typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;

const stepButton = `${TOUCH_TARGET} rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800`;

/** Kind filter and search over every loaded item; Enter and Shift+Enter step through the matches. */
export function TranscriptSearchBar({ counts, hidden, onToggleKind, query, onQuery, matchCount, currentOrdinal, pending, unavailable, onStep, onLeave, inputRef, more }: TranscriptSearchBarProps) {
  const searchId = useId();
  const hasQuery = query.trim() !== '';
  const count = matchCount === 0 ? 'No matches' : currentOrdinal > 0 ? `${formatCount(currentOrdinal)} of ${formatCount(matchCount)}` : `${formatCount(matchCount)} match${matchCount === 1 ? '' : 'es'}`;
  // While a search is under way its count is not an answer: the last one stays (faded) until it comes, rather than a
  // "No matches" that flashes up at each key typed and is read out to a screen reader.
  const [settled, setSettled] = useState<string | null>(null);
  const settle = !hasQuery ? null : pending ? settled : count;
  if (settle !== settled) setSettled(settle);
  const shownCount = pending ? (settled ?? 'Searching…') : count;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className={`flex flex-wrap gap-1.5 ${more.open ? '' : 'max-sm:hidden'}`}>
        <legend className="sr-only">Show</legend>
        {ITEM_KINDS.filter(({ kind }) => counts[kind] > 0 || hidden.has(kind)).map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            aria-pressed={!hidden.has(kind)}
            onClick={() => onToggleKind(kind)}
            className={`${TOUCH_TARGET} group rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400 line-through aria-pressed:border-zinc-400 aria-pressed:bg-zinc-100 aria-pressed:text-zinc-800 aria-pressed:no-underline dark:border-zinc-700 dark:aria-pressed:border-zinc-600 dark:aria-pressed:bg-zinc-800 dark:aria-pressed:text-zinc-100`}
          >
            {/* Faded beside its label while the kind is shown; as readable as the label while it is off. */}
            {label} <span className="tabular-nums group-aria-pressed:opacity-70">{formatCount(counts[kind])}</span>
          </button>
        ))}
      </fieldset>
      <div className="flex w-full min-w-0 items-center gap-1.5 sm:w-auto sm:flex-1 max-sm:order-first">
        <label htmlFor={searchId} className="sr-only">
          Search the transcript
        </label>
        <input
          id={searchId}
          ref={inputRef}
          type="search"
          value={query}
          data-transcript-search=""
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onStep(event.shiftKey ? -1 : 1);
            } else if (event.key === 'Escape') {
              // Clears the search and hands the keys back to the transcript (j, k and the rest), from the match it was on.
              event.preventDefault();
              onQuery('');
              event.currentTarget.blur();
              onLeave?.();
            }
          }}
          placeholder={`Search the transcript…${KEYBOARD ? '  ( / )' : ''}`}
          className="w-full min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm outline-none placeholder:text-zinc-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/70 dark:focus:ring-indigo-400/80 sm:max-w-72 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
        {hasQuery ? (
          <>
            <output aria-live="polite" data-testid="match-count" className={`text-xs whitespace-nowrap tabular-nums ${pending ? 'opacity-60' : ''} text-zinc-600 dark:text-zinc-400`}>
              {unavailable ? <span title={unavailable}>Search unavailable: reload the page</span> : shownCount}
            </output>
            <button type="button" className={stepButton} disabled={matchCount === 0} onClick={() => onStep(-1)} title="Previous match (Shift+Enter)" aria-label="Previous match">
              ↑
            </button>
            <button type="button" className={stepButton} disabled={matchCount === 0} onClick={() => onStep(1)} title="Next match (Enter)" aria-label="Next match">
              ↓
            </button>
          </>
        ) : null}
        <button
          type="button"
          aria-expanded={more.open}
          aria-controls={more.id}
          onClick={more.onToggle}
          className="shrink-0 rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 sm:hidden dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {more.open ? 'Done' : (
            <>
              {more.alert ? <span className={more.alert === 'Live stopped' ? 'text-amber-700 dark:text-amber-400' : 'text-red-700 dark:text-red-400'}>{more.alert} · </span> : null}
              View ▾
            </>
          )}
        </button>
      </div>
    </div>
  );
}
