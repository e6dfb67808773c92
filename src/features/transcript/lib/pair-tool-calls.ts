import type { ConversationItem } from '../types';
import { pairInOrder } from '../../../shared/items/tool-pairs';

/** Each paired call and output, by the other: one output for one call, by the rule in tool-pairs. */
export type ToolPairs = ReadonlyMap<ConversationItem, ConversationItem>;

/** Links calls and their outputs in one pass over items in conversation order. */
export function pairToolCalls(items: readonly ConversationItem[]): ToolPairs {
  const partners = pairInOrder(items);
  const pairs = new Map<ConversationItem, ConversationItem>();
  partners.forEach((partner, index) => {
    if (partner >= 0) pairs.set(items[index], items[partner]);
  });
  return pairs;
}

/** The other half of a call or an output, when it is loaded. */
export function partnerOf(item: ConversationItem, pairs: ToolPairs): ConversationItem | undefined {
  return pairs.get(item);
}
