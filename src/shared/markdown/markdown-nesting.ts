/** Deeper than this, Markdown is shown as plain text: the parser and renderer recurse once per level. */
export const MAX_MARKDOWN_NESTING = 100;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isBlank = (code: number) => code === 32 || code === 9;

/** How deep one line's block containers go: `>` quotes, `*`/`-`/`+` and `1.` list markers, and indentation. */
function lineNesting(text: string, start: number, end: number): number {
  let position = start;
  let indent = 0;
  while (position < end && isBlank(text.charCodeAt(position))) {
    indent += 1;
    position += 1;
  }
  let depth = Math.floor(indent / 2);
  while (position < end) {
    const code = text.charCodeAt(position);
    if (code === 62 /* > */) {
      position += 1;
    } else if ((code === 42 || code === 43 || code === 45) /* * + - */ && isBlank(text.charCodeAt(position + 1))) {
      position += 2;
    } else if (isDigit(code)) {
      let digits = position;
      while (digits < end && digits - position < 9 && isDigit(text.charCodeAt(digits))) digits += 1;
      const delimiter = text.charCodeAt(digits);
      if ((delimiter !== 46 && delimiter !== 41) /* . ) */ || !isBlank(text.charCodeAt(digits + 1))) break;
      position = digits + 2;
    } else {
      break;
    }
    depth += 1;
    while (position < end && isBlank(text.charCodeAt(position))) position += 1;
  }
  return depth;
}

/** The deepest block nesting of any line, found in one pass without parsing. */
export function markdownNesting(text: string): number {
  let deepest = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    deepest = Math.max(deepest, lineNesting(text, start, end));
    start = end + 1;
  }
  return deepest;
}
