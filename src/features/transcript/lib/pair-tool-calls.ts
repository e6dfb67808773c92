import type { ConversationItem } from '../types';
import { pairKey } from '../../../shared/items/item-catalog';

export interface ToolPairs {
  /** The output (or approval response) for each pairing key. */
  outputByCallId: Map<string, ConversationItem>;
  /** The call (or approval request) for each pairing key. */
  callByCallId: Map<string, ConversationItem>;
}

/** The map that holds an item's side of its pair, and its key there; null for an item that pairs with nothing. */
function sideOf(item: ConversationItem, pairs: ToolPairs): { map: Map<string, ConversationItem>; key: string } | null {
  const pair = pairKey(item);
  return pair ? { map: pair.side === 'output' ? pairs.outputByCallId : pairs.callByCallId, key: pair.key } : null;
}

/** Records an item's half of its pair; the first item with a key keeps it. */
export function addToPairs(pairs: ToolPairs, item: ConversationItem) {
  const side = sideOf(item, pairs);
  if (side && !side.map.has(side.key)) side.map.set(side.key, item);
}

/** Forgets an item's half of its pair, if it is the one recorded. */
export function removeFromPairs(pairs: ToolPairs, item: ConversationItem) {
  const side = sideOf(item, pairs);
  if (side && side.map.get(side.key) === item) side.map.delete(side.key);
}

/** Links calls and their outputs in one pass over the loaded items. */
export function pairToolCalls(items: readonly ConversationItem[]): ToolPairs {
  const pairs: ToolPairs = { outputByCallId: new Map(), callByCallId: new Map() };
  for (const item of items) addToPairs(pairs, item);
  return pairs;
}

/** The other half of a call or an output, when it is loaded. */
export function partnerOf(item: ConversationItem, pairs: ToolPairs): ConversationItem | undefined {
  const pair = pairKey(item);
  if (!pair) return undefined;
  return pair.side === 'output' ? pairs.callByCallId.get(pair.key) : pairs.outputByCallId.get(pair.key);
}
