import type { ConversationItem } from '../types';

export interface ToolPairs {
  /** The output item for each call_id. */
  outputByCallId: Map<string, ConversationItem>;
  /** The call item for each call_id. */
  callByCallId: Map<string, ConversationItem>;
}

const OUTPUT_SUFFIX = '_output';

/** Links calls and their outputs by call_id in one pass over the loaded items. */
export function pairToolCalls(items: readonly ConversationItem[]): ToolPairs {
  const outputByCallId = new Map<string, ConversationItem>();
  const callByCallId = new Map<string, ConversationItem>();
  for (const item of items) {
    const callId = item.call_id;
    if (typeof callId !== 'string' || !callId) continue;
    const target = item.type.endsWith(OUTPUT_SUFFIX) ? outputByCallId : callByCallId;
    if (!target.has(callId)) target.set(callId, item);
  }
  return { outputByCallId, callByCallId };
}
