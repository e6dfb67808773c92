import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import type { ConversationItem } from '../../../shared/contract/shapes';
import { itemGist } from '../lib/item-gist';
import { foldForSearch } from '../../../lib/search-fold';
import { formatCount } from '../../../shared/format';

type Item = ConversationItem;

interface ItemChooserProps {
  items: readonly Item[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  /** Whether the choices above leave an item out already (its role, its type, a tool's output): shown ticked, fixed. */
  leftOutAbove?: (item: Item) => boolean;
  /** The filter box takes the focus as the chooser opens (it replaces the button that opened it). */
  autoFocus?: boolean;
}

const ROW_HEIGHT = 32;

/** Every item the page holds as a row with a checkbox, filtered by a few words; only rows in view are drawn. */
export function ItemChooser({ items, chosen, onChange, leftOutAbove = () => false, autoFocus = false }: ItemChooserProps) {
  const [filter, setFilter] = useState('');
  const aboveNote = useId();
  const scroller = useRef<HTMLDivElement>(null);
  // Each item's line once; each key typed in the filter only compares.
  const gists = useMemo(() => items.flatMap((item) => (item.id ? [{ id: item.id, ...itemGist(item), item }] : [])), [items]);
  const rows = useMemo(() => {
    const words = foldForSearch(filter.trim());
    return words ? gists.filter((row) => row.search.includes(words)) : gists;
  }, [gists, filter]);
  const selected = useMemo(() => new Set(chosen), [chosen]);
  // The rows are plain labels, not memoised components, so the virtualizer's changing functions are safe here.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));

  return (
    <div className="mt-2 space-y-2">
      <input
        type="search"
        autoFocus={autoFocus}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        placeholder="Filter items"
        aria-label="Filter items"
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-800"
      />
      <div ref={scroller} className="h-48 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-700">
        {rows.length === 0 ? (
          <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">{items.length ? 'No item matches.' : 'No items loaded yet.'}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const row = rows[virtual.index];
              const above = leftOutAbove(row.item);
              return (
                <label
                  key={row.id}
                  data-chooser-item={row.id}
                  className="absolute inset-x-0 flex items-center gap-2 border-b border-zinc-100 px-2 text-sm dark:border-zinc-800"
                  style={{ top: virtual.start, height: ROW_HEIGHT }}
                >
                  <input
                    type="checkbox"
                    checked={above || selected.has(row.id)}
                    disabled={above}
                    aria-describedby={above ? aboveNote : undefined}
                    onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                  />
                  <span className="shrink-0 font-medium">{row.label}</span>
                  <span className="min-w-0 truncate text-zinc-600 dark:text-zinc-400">{row.text}</span>
                  {above ? <span className="ml-auto shrink-0 text-xs text-zinc-600 italic dark:text-zinc-400">left out above</span> : null}
                </label>
              );
            })}
          </div>
        )}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <span id={aboveNote} className="sr-only">Left out by a choice above.</span>
        {chosen.length ? `${formatCount(chosen.length)} chosen.` : 'None chosen.'}
        {chosen.length ? (
          <button type="button" className="ml-2 text-indigo-700 underline dark:text-indigo-300" onClick={() => onChange([])}>
            Clear
          </button>
        ) : null}
      </p>
    </div>
  );
}
