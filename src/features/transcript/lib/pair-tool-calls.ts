import type { ConversationItem } from '../types';
import { pairKey } from '../../../shared/items/item-catalog';

export interface ToolPairs {
  /** The output (or approval response) for each pairing key. */
  outputByCallId: Map<string, ConversationItem>;
  /** The call (or approval request) for each pairing key. */
  callByCallId: Map<string, ConversationItem>;
}

/** Links calls and their outputs in one pass over the loaded items. */
export function pairToolCalls(items: readonly ConversationItem[]): ToolPairs {
  const outputByCallId = new Map<string, ConversationItem>();
  const callByCallId = new Map<string, ConversationItem>();
  for (const item of items) {
    const pair = pairKey(item);
    if (!pair) continue;
    const target = pair.side === 'output' ? outputByCallId : callByCallId;
    if (!target.has(pair.key)) target.set(pair.key, item);
  }
  return { outputByCallId, callByCallId };
}

/** The other half of a call or an output, when it is loaded. */
export function partnerOf(item: ConversationItem, pairs: ToolPairs): ConversationItem | undefined {
  const pair = pairKey(item);
  if (!pair) return undefined;
  return pair.side === 'output' ? pairs.callByCallId.get(pair.key) : pairs.outputByCallId.get(pair.key);
}
