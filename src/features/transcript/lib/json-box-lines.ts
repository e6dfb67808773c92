import { inlineJson } from '../../../shared/items/inline-json';
import { isJsonNode } from '../../../shared/items/written-number';
import { revealBidi } from '../../../shared/markdown/link-spoofing';
import { JSON_LEAF_LIMIT, JSON_ONE_LINE, jsonInlineText, jsonKeyText, jsonLeafText } from './json-shown-text';

/**
 * The lines a JSON view shows of `value` opened all the way (each line a block of its own on the page), as the
 * search reads a JSON box: keys, quotes and all. A long string is read whole, as Show more shows it. What the box cuts
 * (a list past its first 500 entries) is read too, in the same form, so a search still finds the item that holds it.
 * Walked with a stack, so a value nested thousands of levels deep is safe.
 */
export function jsonShownLines(value: unknown): string[] {
  if (isJsonNode(value)) {
    const line = inlineJson(value, JSON_ONE_LINE);
    if (line !== null) return [revealBidi(line)];
  }
  const lines: string[] = [];
  const push = (line: string) => lines.push(line);
  // A node to show, or a line to show once its children have been.
  const stack: ({ name: string | number | null; value: unknown } | string)[] = [{ name: null, value }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      push(node);
      continue;
    }
    const key = node.name === null ? '' : jsonKeyText(node.name);
    const inline = isJsonNode(node.value) ? jsonInlineText(node.value) : null;
    if (typeof node.value === 'string' && node.value.length > JSON_LEAF_LIMIT) {
      // A long string is a block of its own below its key (shown a step at a time): a search does not run across.
      if (key) push(key);
      push(jsonLeafText(node.value));
      continue;
    }
    if (!isJsonNode(node.value) || inline !== null) {
      push(key + (inline !== null ? revealBidi(inline) : jsonLeafText(node.value)));
      continue;
    }
    const list = Array.isArray(node.value);
    const entries: [string | number, unknown][] = list ? (node.value as unknown[]).map((child, index) => [index, child]) : Object.entries(node.value);
    push(key + (list ? '[' : '{'));
    stack.push(list ? ']' : '}');
    for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ name: entries[i][0], value: entries[i][1] });
  }
  return lines;
}

