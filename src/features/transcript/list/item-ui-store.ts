import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Per-item view state that must outlive the item's DOM: a virtualised list unmounts rows that scroll away,
 * and a collapsed item must still be collapsed when it comes back. Keyed by the row key, which never changes.
 */
export function createItemUiStore() {
  const collapsed = new Set<string>();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isCollapsed: (key: string) => collapsed.has(key),
    setCollapsed(key: string, value: boolean) {
      if (collapsed.has(key) === value) return;
      if (value) collapsed.add(key);
      else collapsed.delete(key);
      emit();
    },
    toggle(key: string) {
      this.setCollapsed(key, !collapsed.has(key));
    },
  };
}

export type ItemUiStore = ReturnType<typeof createItemUiStore>;

export const ItemUiStoreContext = createContext<ItemUiStore | null>(null);
export const RowKeyContext = createContext<string | null>(null);

const noop = () => () => undefined;

/** Whether the item in this row is collapsed, and how to change it; inert outside a transcript list. */
export function useItemCollapse(): { collapsed: boolean; toggle: (() => void) | null } {
  const store = useContext(ItemUiStoreContext);
  const key = useContext(RowKeyContext);
  const collapsed = useSyncExternalStore(store?.subscribe ?? noop, () => (store && key ? store.isCollapsed(key) : false));
  return { collapsed, toggle: store && key ? () => store.toggle(key) : null };
}
