const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === LINE_FEED || code === CARRIAGE_RETURN;

function skipSpace(text: string, at: number): number {
  while (isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** The index just past the string that opens at `at`, or -1. A quote is escaped by an odd run of backslashes. */
function skipString(text: string, at: number): number {
  for (let from = at + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let before = quote - 1;
    while (text.charCodeAt(before) === BACKSLASH) before -= 1;
    if ((quote - 1 - before) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The index just past the object or array that opens at `at`, or -1. */
function skipContainer(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = skipString(text, index) - 1;
      if (index < 0) return -1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/** The index just past the value that starts at `at` (after any space), or -1. */
function skipValue(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === QUOTE) return skipString(text, at);
  if (code === OPEN_BRACE || code === OPEN_BRACKET) return skipContainer(text, at);
  let end = at;
  for (let next = text.charCodeAt(end); end < text.length && next !== COMMA && next !== CLOSE_BRACE && next !== CLOSE_BRACKET && !isSpace(next); next = text.charCodeAt(end)) end += 1;
  return end > at ? end : -1;
}

function decodeKey(raw: string): string | null {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return null;
  }
}

/**
 * The text of the array that a JSON object's text holds under `name` at its top level, exactly as written, or null
 * when there is none or the array's text spans lines. Where a name repeats, the last one counts, as in JSON.parse.
 * The text must have parsed as JSON already: this only finds where things are.
 */
export function topLevelArrayText(text: string, name: string): string | null {
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== OPEN_BRACE) return null;
  at = skipSpace(text, at + 1);
  let found: string | null = null;
  while (text.charCodeAt(at) === QUOTE) {
    const keyEnd = skipString(text, at);
    if (keyEnd < 0) return null;
    const rawKey = text.slice(at + 1, keyEnd - 1);
    const key = rawKey.includes('\\') ? decodeKey(rawKey) : rawKey;
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== COLON) return null;
    const valueStart = skipSpace(text, at + 1);
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd < 0) return null;
    if (key === name) found = text.charCodeAt(valueStart) === OPEN_BRACKET ? text.slice(valueStart, valueEnd) : null;
    at = skipSpace(text, valueEnd);
    if (text.charCodeAt(at) !== COMMA) break;
    at = skipSpace(text, at + 1);
  }
  if (text.charCodeAt(at) !== CLOSE_BRACE || found === null) return null;
  // Raw line breaks can only stand between tokens (JSON escapes them in strings); a line of NDJSON must not hold one.
  return found.includes('\n') || found.includes('\r') ? null : found;
}
