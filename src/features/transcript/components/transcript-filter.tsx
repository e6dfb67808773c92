import { useId } from 'react';
import { ITEM_KINDS, type ItemKind } from '../lib/item-filter';

interface TranscriptFilterProps {
  counts: Record<ItemKind, number>;
  hidden: ReadonlySet<ItemKind>;
  onToggle: (kind: ItemKind) => void;
  query: string;
  onQuery: (query: string) => void;
}

/** Narrows the loaded items by kind and by text, for finding the one tool call in a long agent run. */
export function TranscriptFilter({ counts, hidden, onToggle, query, onQuery }: TranscriptFilterProps) {
  const searchId = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className="flex flex-wrap gap-1.5">
        <legend className="sr-only">Show</legend>
        {ITEM_KINDS.filter(({ kind }) => counts[kind] > 0 || hidden.has(kind)).map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            aria-pressed={!hidden.has(kind)}
            onClick={() => onToggle(kind)}
            className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs font-medium text-zinc-500 line-through aria-pressed:border-zinc-400 aria-pressed:bg-zinc-100 aria-pressed:text-zinc-800 aria-pressed:no-underline dark:border-zinc-700 dark:aria-pressed:border-zinc-600 dark:aria-pressed:bg-zinc-800 dark:aria-pressed:text-zinc-100"
          >
            {label} <span className="tabular-nums opacity-70">{counts[kind]}</span>
          </button>
        ))}
      </fieldset>
      <label htmlFor={searchId} className="sr-only">
        Find in loaded items
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        placeholder="Find in loaded items…"
        className="w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm outline-none sm:w-auto sm:flex-1 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 sm:max-w-64 dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
  );
}
