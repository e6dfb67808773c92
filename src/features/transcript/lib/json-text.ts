import { stringifyJson } from '../../../lib/stringify-deep';
import { isJsonNode, parseJson } from '../../../shared/items/written-number';

/** Pretty-prints a value for display, however deep; a value JSON cannot hold shows as its type. */
export function toPrettyJson(value: unknown): string {
  try {
    return stringifyJson(value, 2);
  } catch {
    return `[${typeof value}]`;
  }
}

export type ParsedJsonText = { valid: true; value: object } | { valid: false; raw: string };

/** Tool arguments and outputs are JSON in a string, or not: an object or array when they parse (numbers as written). */
export function parseJsonText(text: string): ParsedJsonText {
  try {
    const value = parseJson(text);
    if (isJsonNode(value)) return { valid: true, value };
    return { valid: false, raw: text };
  } catch {
    return { valid: false, raw: text };
  }
}
