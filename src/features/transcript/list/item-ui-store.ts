import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Per-item view state that must outlive the item's DOM: a virtualised list unmounts rows that scroll away,
 * and an expanded item must still be expanded when it comes back. Keyed by the row key, which never changes.
 * A row the reader has not touched follows Expand all / Collapse all, or else its own default (tool calls
 * start collapsed, messages expanded; in the compact view everything starts collapsed).
 */
export function createItemUiStore(startCompact = false) {
  const chosen = new Map<string, boolean>();
  let all: boolean | null = null;
  let compact = startCompact;
  let revision = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    revision += 1;
    listeners.forEach((listener) => listener());
  };
  const isCollapsed = (key: string, byDefault = false) => chosen.get(key) ?? all ?? (compact || byDefault);
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isCollapsed,
    /** Changes with every change, for views that depend on many rows at once. */
    revision: () => revision,
    setCollapsed(key: string, value: boolean) {
      if (chosen.get(key) === value) return;
      chosen.set(key, value);
      emit();
    },
    toggle(key: string, byDefault = false) {
      chosen.set(key, !isCollapsed(key, byDefault));
      emit();
    },
    /** Compact view: every row starts as one line. Switching forgets what was opened by hand. */
    setCompact(value: boolean) {
      if (compact === value) return;
      chosen.clear();
      all = null;
      compact = value;
      emit();
    },
    /** Expand all (false) or Collapse all (true): every row, including the ones the reader set by hand. */
    setAll(value: boolean) {
      chosen.clear();
      all = value;
      emit();
    },
  };
}

export type ItemUiStore = ReturnType<typeof createItemUiStore>;

export const ItemUiStoreContext = createContext<ItemUiStore | null>(null);
export const RowKeyContext = createContext<string | null>(null);

const noop = () => () => undefined;

/** Whether the item in this row is collapsed, and how to change it; inert outside a transcript list. */
export function useItemCollapse(byDefault = false): { collapsed: boolean; toggle: (() => void) | null } {
  const store = useContext(ItemUiStoreContext);
  const key = useContext(RowKeyContext);
  const collapsed = useSyncExternalStore(store?.subscribe ?? noop, () => (store && key ? store.isCollapsed(key, byDefault) : false));
  return { collapsed, toggle: store && key ? () => store.toggle(key, byDefault) : null };
}
