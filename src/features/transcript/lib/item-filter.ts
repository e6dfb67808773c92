import type { ConversationItem } from '../types';
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
