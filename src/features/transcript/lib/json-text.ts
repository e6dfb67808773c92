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

/**
 * What a JSON box shows of a tool's arguments or output, JSON in a string or not: an object or array when it parses
 * (numbers as written), else the text. (`parseJsonText` in `src/shared/items/tool-outcome.ts` reads any JSON value.)
 */
export function parseJsonBox(text: string): ParsedJsonText {
  try {
    const value = parseJson(text);
    if (isJsonNode(value)) return { valid: true, value };
    return { valid: false, raw: text };
  } catch {
    return { valid: false, raw: text };
  }
}
