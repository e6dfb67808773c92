import { isJsonNode, WrittenNumber } from './written-number.ts';

/**
 * A value's JSON on one line when it fits in `budget` characters, else null. It stops as soon as the budget is
 * spent, so a huge or deeply nested value costs no more than a short one (each level spends at least one character).
 */
export function inlineJson(value: unknown, budget: number): string | null {
  let used = 0;
  const parts: string[] = [];
  const push = (text: string) => {
    used += text.length;
    parts.push(text);
    return used <= budget;
  };
  const walk = (node: unknown): boolean => {
    if (!isJsonNode(node)) {
      if (typeof node === 'string') return push(JSON.stringify(node.length > budget ? node.slice(0, budget + 1) : node));
      if (node === null || typeof node === 'number' || typeof node === 'boolean' || node instanceof WrittenNumber) return push(String(node));
      return push(`"[${typeof node}]"`);
    }
    if (Array.isArray(node)) {
      if (!push('[')) return false;
      for (let i = 0; i < node.length; i += 1) if ((i > 0 && !push(', ')) || !walk(node[i])) return false;
      return push(']');
    }
    const entries = Object.entries(node);
    if (!push(entries.length > 0 ? '{ ' : '{')) return false;
    for (let i = 0; i < entries.length; i += 1) {
      if ((i > 0 && !push(', ')) || !push(`${JSON.stringify(entries[i][0])}: `) || !walk(entries[i][1])) return false;
    }
    return push(entries.length > 0 ? ' }' : '}');
  };
  return walk(value) ? parts.join('') : null;
}

/** A value with nothing nested: a row of IDs reads best as one wrapped line. */
export function isFlat(value: object): boolean {
  return Object.values(value).every((child) => !isJsonNode(child));
}
