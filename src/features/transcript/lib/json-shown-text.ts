import { foldForSearch } from '../../../lib/search-fold';
import { inlineJson, isFlat } from '../../../shared/items/inline-json';
import { revealBidi } from '../../../shared/markdown/link-spoofing';
import { isJsonNode, WrittenNumber } from '../../../shared/items/written-number';

/** A JSON tree shows a string longer than this as a long text does: its start, then Show more a step at a time. */
export const JSON_LEAF_LIMIT = 4_000;
/** A folded part of a tree opens for a search match this far into one of its long strings, not further. */
export const FOLD_OPENS_WITHIN = 20_000;
/** A JSON tree shows at most this many entries of an object or a list. */
export const JSON_CHILD_LIMIT = 500;
/** A whole value this short stays on one line. */
export const JSON_ONE_LINE = 80;
/** A list of plain values (such as IDs) stays on one wrapped line up to this length. */
export const JSON_FLAT_LINE = 600;

/** A key as a tree shows it before its value: `"city": `, or a list's index, `0: `. */
export function jsonKeyText(name: string | number): string {
  return `${typeof name === 'number' ? name : revealBidi(JSON.stringify(name))}: `;
}

/** A plain value as a tree shows it (a long string a step at a time): a string quoted, a number or `true` as written. */
export function jsonLeafText(value: unknown): string {
  return typeof value === 'string' ? revealBidi(JSON.stringify(value)) : value === null ? 'null' : String(value);
}

/** A value a tree shows on one line (a list of IDs, a short object of plain values), else null. */
export function jsonInlineText(value: object): string | null {
  return isFlat(value) ? inlineJson(value, Array.isArray(value) ? JSON_FLAT_LINE : JSON_ONE_LINE) : null;
}

/**
 * Whether opening a JSON tree all the way shows the folded `needle` (see `foldForSearch`) in one of `value`'s values,
 * as the search reads them: strings (the part a tree shows) and numbers, not keys; with `keys`, in any line the tree
 * shows (a JSON box of a tool's arguments or output, which the search reads as shown). Walked with a stack, so a
 * value nested thousands of levels deep is safe.
 */
export function jsonShowsText(value: unknown, needle: string, keys = false): boolean {
  if (!needle) return false;
  const stack: [string | number | null, unknown][] = [[null, value]];
  while (stack.length > 0) {
    const [name, node] = stack.pop()!;
    // With keys, each line as the tree shows it: `"city": "Paris"`, `"place": {`.
    const key = keys && name !== null ? jsonKeyText(name) : '';
    if (isJsonNode(node)) {
      const inline = keys ? jsonInlineText(node) : null;
      if (inline !== null) {
        if (foldForSearch(key + revealBidi(inline)).includes(needle)) return true;
        continue;
      }
      if (key && foldForSearch(key + (Array.isArray(node) ? '[' : '{')).includes(needle)) return true;
      const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((child, index) => [index, child]) : Object.entries(node);
      for (let i = Math.min(entries.length, JSON_CHILD_LIMIT) - 1; i >= 0; i -= 1) stack.push(entries[i]);
    } else if (typeof node === 'string' && node.length > JSON_LEAF_LIMIT) {
      // A long string is a block of its own below its key; only its start is read, so each key typed stays cheap.
      if (keys && foldForSearch(key).includes(needle)) return true;
      if (foldForSearch(keys ? jsonLeafText(node.slice(0, FOLD_OPENS_WITHIN)) : node.slice(0, FOLD_OPENS_WITHIN)).includes(needle)) return true;
    } else if (keys) {
      if (foldForSearch(key + jsonLeafText(node)).includes(needle)) return true;
    } else if (typeof node === 'string') {
      if (foldForSearch(node).includes(needle)) return true;
    } else if (typeof node === 'number' || node instanceof WrittenNumber) {
      if (String(node).includes(needle)) return true;
    }
  }
  return false;
}
