import type { ConversationItem, ItemPage } from '../types';

export interface MergedItems {
  items: ConversationItem[];
  /** Position of each item in `items`. */
  indexById: Map<string, number>;
}

/** Flattens loaded pages into one list, keeping the first copy of an item that appears on two pages. */
export function mergePages(pages: readonly ItemPage[]): MergedItems {
  const items: ConversationItem[] = [];
  const indexById = new Map<string, number>();
  for (const page of pages) {
    for (const item of page.data) {
      if (indexById.has(item.id)) continue;
      indexById.set(item.id, items.length);
      items.push(item);
    }
  }
  return { items, indexById };
}
