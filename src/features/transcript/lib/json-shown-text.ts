import { foldForSearch } from '../../../lib/search-fold';

/** A JSON tree shows at most this much of a string. */
export const JSON_LEAF_LIMIT = 2_000;
/** A JSON tree shows at most this many entries of an object or a list. */
export const JSON_CHILD_LIMIT = 500;

/**
 * Whether opening a JSON tree all the way shows the folded `needle` (see `foldForSearch`) in one of `value`'s values,
 * as the search reads them: strings (the part a tree shows) and numbers, not keys. Walked with a stack, so a value
 * nested thousands of levels deep is safe.
 */
export function jsonShowsText(value: unknown, needle: string): boolean {
  if (!needle) return false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (foldForSearch(node.slice(0, JSON_LEAF_LIMIT)).includes(needle)) return true;
    } else if (typeof node === 'number') {
      if (String(node).includes(needle)) return true;
    } else if (node !== null && typeof node === 'object') {
      const children = Array.isArray(node) ? node : Object.values(node);
      for (let i = Math.min(children.length, JSON_CHILD_LIMIT) - 1; i >= 0; i -= 1) stack.push(children[i]);
    }
  }
  return false;
}
