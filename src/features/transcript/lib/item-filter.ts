import type { ItemKind } from '../../../shared/items/item-catalog';

export type { ItemKind } from '../../../shared/items/item-catalog';

export const ITEM_KINDS: { kind: ItemKind; label: string }[] = [
  { kind: 'messages', label: 'Messages' },
  { kind: 'tools', label: 'Tools' },
  { kind: 'reasoning', label: 'Reasoning' },
  { kind: 'other', label: 'Other' },
];
