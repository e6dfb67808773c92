/** Pretty-prints a value for display; circular or otherwise unprintable values fall back to String(). */
export function toPrettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export type ParsedJsonText = { valid: true; pretty: string } | { valid: false; raw: string };

/** Tool arguments and outputs are JSON in a string, or not: show them pretty when they parse. */
export function parseJsonText(text: string): ParsedJsonText {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object') return { valid: true, pretty: JSON.stringify(value, null, 2) };
    return { valid: false, raw: text };
  } catch {
    return { valid: false, raw: text };
  }
}
