import type { ConversationItem, ItemPage } from '../types';

export interface MergedItems {
  items: ConversationItem[];
  /** Position of each item in `items`. */
  indexById: Map<string, number>;
}

/**
 * Flattens loaded pages into one list, keeping the first copy of an item that appears on two pages. Items
 * without an id (the spec allows that for custom tool calls) cannot be matched, so each is kept.
 */
export function mergePages(pages: readonly ItemPage[]): MergedItems {
  const items: ConversationItem[] = [];
  const indexById = new Map<string, number>();
  for (const page of pages) {
    for (const item of page.data) {
      if (item.id !== undefined) {
        if (indexById.has(item.id)) continue;
        indexById.set(item.id, items.length);
      }
      items.push(item);
    }
  }
  return { items, indexById };
}
