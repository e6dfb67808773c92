import type { ConversationItem } from '../types';

/**
 * A key for an item in a list: its id, or for an item without one its position. A position key has a ':',
 * which no item id has, so the two never collide.
 */
export function itemKey(item: ConversationItem, index: number): string {
  return typeof item.id === 'string' && item.id !== '' ? item.id : `position:${index}`;
}
