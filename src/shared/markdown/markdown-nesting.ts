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

/** More inline nesting than this (brackets inside brackets, a run of emphasis marks) is shown as plain text. */
export const MAX_INLINE_NESTING = 32;

/**
 * How deep inline Markdown can nest, found in one pass without parsing: the deepest `[` inside other `[`s (links and
 * images inside link text), and the longest run of emphasis marks (`*`, `_`, `~`). Parsing either costs far more than
 * linear time as it grows (a 9 KB run of `![` took seconds, 16 KB of `*` overflowed the stack), so the page and the
 * HTML export show such a text as written.
 */
export function inlineNesting(text: string): number {
  let brackets = 0;
  let deepestBrackets = 0;
  let run = 0;
  let longestRun = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 42 || code === 95 || code === 126 /* * _ ~ */) {
      run += 1;
      if (run > longestRun) longestRun = run;
      continue;
    }
    run = 0;
    if (code === 92 /* \ */) at += 1;
    else if (code === 91 /* [ */) {
      brackets += 1;
      if (brackets > deepestBrackets) deepestBrackets = brackets;
    } else if (code === 93 /* ] */ && brackets > 0) brackets -= 1;
    // A paragraph ends at a blank line, and no link text runs past it.
    else if (code === 10 && text.charCodeAt(at + 1) === 10) brackets = 0;
  }
  return Math.max(deepestBrackets, longestRun);
}
