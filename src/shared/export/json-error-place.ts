const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]$/;
/** A run of characters a string holds as they are: JSON refuses control characters in a string. */
// oxlint-disable-next-line no-control-regex
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first character of `text` that cannot be there in JSON, or null when it is JSON. Browsers say
 * where JSON.parse stopped for some mistakes only ("Unexpected token 'N'" names no place): a stray `NaN`, as Python
 * writes it, in a file of many megabytes could not be found. One pass, no recursion, whatever the nesting.
 */
export function jsonErrorOffset(text: string): number | null {
  /** What encloses the value being read: `[` or `{`. */
  const stack: string[] = [];
  let at = 0;
  /** Just after a bracket that opens (it may close at once), after a comma (a member is due), or after a value. */
  let state = 'value' as 'opened' | 'comma' | 'value';
  const skip = () => {
    while (at < text.length && WHITESPACE.has(text[at])) at += 1;
  };
  /** Reads a string at `at` (a quote); the offset of its mistake, or null with `at` past it. */
  const string = (): number | null => {
    at += 1;
    while (at < text.length) {
      PLAIN.lastIndex = at;
      PLAIN.test(text);
      at = PLAIN.lastIndex;
      const char = text[at];
      if (char === undefined) break;
      if (char === '"') {
        at += 1;
        return null;
      }
      if (char < ' ') return at;
      if (char === '\\') {
        const next = text[at + 1];
        if (next === 'u') {
          for (let digit = at + 2; digit < at + 6; digit += 1) if (!HEX.test(text[digit] ?? '')) return digit;
          at += 6;
        } else if (next !== undefined && ESCAPES.has(next)) at += 2;
        else return at + 1;
      } else at += 1;
    }
    return at;
  };
  /** Reads a value at `at`; the offset of its mistake, or null with `at` past it (or past the bracket it opens). */
  const value = (): number | null => {
    const char = text[at];
    if (char === '{' || char === '[') {
      stack.push(char);
      at += 1;
      state = 'opened';
      return null;
    }
    state = 'value';
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (char !== word[0]) continue;
      for (let i = 1; i < word.length; i += 1) if (text[at + i] !== word[i]) return at + i;
      at += word.length;
      return null;
    }
    NUMBER.lastIndex = at;
    // A minus sign with no digit after it: the mistake is where the digit should be.
    if (!NUMBER.test(text)) return char === '-' ? at + 1 : at;
    at = NUMBER.lastIndex;
    return null;
  };

  skip();
  let wrong = value();
  if (wrong !== null) return wrong;
  for (;;) {
    skip();
    const open = stack.at(-1);
    if (open === undefined) return at < text.length ? at : null;
    const close = open === '{' ? '}' : ']';
    if (state === 'value' || (state === 'opened' && text[at] === close)) {
      if (text[at] === close) {
        stack.pop();
        at += 1;
        state = 'value';
      } else if (text[at] === ',') {
        at += 1;
        state = 'comma';
      } else return at;
      continue;
    }
    // A member (a key, a colon, then its value) or an element is due.
    if (open === '{') {
      if (text[at] !== '"') return at;
      wrong = string();
      if (wrong !== null) return wrong;
      skip();
      if (text[at] !== ':') return at;
      at += 1;
      skip();
    }
    if (at >= text.length) return at;
    wrong = value();
    if (wrong !== null) return wrong;
  }
}

/** Line and column (from 1) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
