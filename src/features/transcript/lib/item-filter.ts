import type { ConversationItem } from '../types';
import { itemText } from './item-text';
import { pairKey } from './pair-tool-calls';

export type ItemKind = 'messages' | 'tools' | 'reasoning' | 'other';

export const ITEM_KINDS: { kind: ItemKind; label: string }[] = [
  { kind: 'messages', label: 'Messages' },
  { kind: 'tools', label: 'Tools' },
  { kind: 'reasoning', label: 'Reasoning' },
  { kind: 'other', label: 'Other' },
];

const TOOL_TYPE = /(_call|_output|^mcp_|^tool_search|^additional_tools$|^program$)/;

export function itemKind(item: ConversationItem): ItemKind {
  if (item.type === 'message') return 'messages';
  if (item.type === 'reasoning' || item.type === 'compaction') return 'reasoning';
  return TOOL_TYPE.test(item.type) || pairKey(item) ? 'tools' : 'other';
}

export function countKinds(items: readonly ConversationItem[]): Record<ItemKind, number> {
  const counts: Record<ItemKind, number> = { messages: 0, tools: 0, reasoning: 0, other: 0 };
  for (const item of items) counts[itemKind(item)] += 1;
  return counts;
}

/** Loaded items never change, so each one's searchable text is worked out once, on the first search. */
const searchable = new WeakMap<ConversationItem, string>();

function searchableText(item: ConversationItem): string {
  let text = searchable.get(item);
  if (text === undefined) {
    text = [item.id, item.type, item.role, item.name, item.server_label, itemText(item)].filter((part) => typeof part === 'string').join('\n').toLowerCase();
    searchable.set(item, text);
  }
  return text;
}

export interface ItemFilter {
  hidden: ReadonlySet<ItemKind>;
  query: string;
}

/** The items that pass the filter; the same array when nothing is filtered, so views can skip work. */
export function filterItems(items: readonly ConversationItem[], { hidden, query }: ItemFilter): readonly ConversationItem[] {
  const needle = query.trim().toLowerCase();
  if (hidden.size === 0 && !needle) return items;
  return items.filter((item) => !hidden.has(itemKind(item)) && (!needle || searchableText(item).includes(needle)));
}
