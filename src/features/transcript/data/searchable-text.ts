import { catalogEntry } from '../../../shared/items/item-catalog';
import type { ConversationItem } from '../types';

/** Fields that hold opaque blobs (base64 images, encrypted reasoning), which no reader searches for. */
const OPAQUE_FIELDS = new Set(['encrypted_content', 'image_url', 'file_data', 'result']);
/** Shorter strings are always searched: a blob worth leaving out is long. */
const BLOB_MIN_LENGTH = 4096;

const isBase64OrSpace = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61 || code === 32 || (code >= 9 && code <= 13);

/**
 * Whether a long string is nothing but base64 and white space. A plain scan: a regular expression over a text of
 * millions of characters can exhaust the stack, and took the whole transcript down with it.
 */
function looksBase64(value: string): boolean {
  if (value.length < BLOB_MIN_LENGTH) return false;
  for (let index = 0; index < value.length; index += 1) if (!isBase64OrSpace(value.charCodeAt(index))) return false;
  return true;
}

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
      if (!value.startsWith('data:') && !looksBase64(value)) parts.push(value);
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
