import { useDeferredValue, useMemo, useState } from 'react';
import type { ConversationItem } from '../types';
import { countKinds, filterItems, type ItemKind } from './item-filter';

/** The transcript's filter state: hidden kinds and a search text, applied to the loaded items. */
export function useItemFilter(items: readonly ConversationItem[]) {
  const [hidden, setHidden] = useState<ReadonlySet<ItemKind>>(new Set());
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const counts = useMemo(() => countKinds(items), [items]);
  const shown = useMemo(() => filterItems(items, { hidden, query: deferredQuery }), [items, hidden, deferredQuery]);
  const toggleKind = (kind: ItemKind) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  return { hidden, toggleKind, query, setQuery, counts, shown };
}
