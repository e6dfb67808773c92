import type { ItemKind } from './item-catalog';

export type { ItemKind } from './item-catalog';

export const ITEM_KINDS: { kind: ItemKind; label: string }[] = [
  { kind: 'messages', label: 'Messages' },
  { kind: 'tools', label: 'Tools' },
  { kind: 'reasoning', label: 'Reasoning' },
  { kind: 'other', label: 'Other' },
];
