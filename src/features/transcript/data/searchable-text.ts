import { catalogEntry } from '../../../shared/items/item-catalog';
import type { ConversationItem } from '../types';

/** Fields that hold opaque blobs (base64 images, encrypted reasoning), which no reader searches for. */
const OPAQUE_FIELDS = new Set(['encrypted_content', 'image_url', 'file_data', 'result']);
const LOOKS_BASE64 = /^[A-Za-z0-9+/=\s]{4096,}$/;

/**
 * Every string value of an item (not its keys), lowercased, for search: text, tool names, arguments, outputs,
 * summaries, IDs and metadata. Walked with a stack, so even a value nested thousands of levels deep is safe.
 */
export function searchableText(item: ConversationItem): string {
  const parts: string[] = [];
  const opaque = catalogEntry(item.type)?.opaqueFields ?? [];
  const stack: unknown[] = [opaque.length > 0 ? Object.fromEntries(Object.entries(item).filter(([key]) => !opaque.includes(key))) : item];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (!value.startsWith('data:') && !(value.length >= 4096 && LOOKS_BASE64.test(value))) parts.push(value);
    } else if (typeof value === 'number') {
      parts.push(String(value));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push(value[i]);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i];
        if (!(OPAQUE_FIELDS.has(key) && typeof child === 'string' && child.length > 256)) stack.push(child);
      }
    }
  }
  return parts.join('\n').toLowerCase();
}
