import { escapeText } from './html-escape.ts';
import { revealBidi } from './link-spoofing.ts';

/**
 * A renderer for the Markdown most chat text is written in, without the parser: paragraphs, `#` headings, tight
 * `-` and `1.` lists of one line per item, fenced code, `**strong**` and `` `code` `` between plain words. It
 * answers null for anything else, and for anything it is not sure of, so the caller parses those texts; where it
 * answers, the HTML is the parser's own (the tests compare the two over generated and hand-made texts). Parsing is
 * most of the time an HTML export of a long run takes.
 */

/** Characters a plain word may hold: nothing Markdown or GFM could read as syntax in the middle of a line. */
const PLAIN = /^[\p{L}\p{N} .,;:?'"()/%\u2019-]*$/u;
const ALNUM = /[A-Za-z0-9]/;
const LETTER_START = /^(?:[A-Za-z]|\*\*[A-Za-z0-9]|`[^`\s])/;

/** Text between delimiters: plain, no autolink (`www.`, `://`, `@`), `_` only inside a word. */
function plainHtml(text: string): string | null {
  if (!PLAIN.test(text.replaceAll('_', '')) || /www\.|:\/\//i.test(text)) return null;
  for (let at = text.indexOf('_'); at !== -1; at = text.indexOf('_', at + 1)) {
    if (!ALNUM.test(text[at - 1] ?? '') || !ALNUM.test(text[at + 1] ?? '')) return null;
  }
  return escapeText(text);
}

/** One line of inline text: plain words, `**strong**` and `` `code` ``, with delimiters only where they can only mean that. */
function inlineHtml(line: string): string | null {
  let html = '';
  let at = 0;
  while (at < line.length) {
    const star = line.indexOf('**', at);
    const tick = line.indexOf('`', at);
    const next = star === -1 ? tick : tick === -1 ? star : Math.min(star, tick);
    if (next === -1) {
      const rest = plainHtml(line.slice(at));
      return rest === null ? null : html + rest;
    }
    const before = plainHtml(line.slice(at, next));
    if (before === null) return null;
    html += before;
    const previous = line[next - 1];
    if (next === tick) {
      const close = line.indexOf('`', next + 1);
      if (close === -1) return null;
      const code = line.slice(next + 1, close);
      if (!code || code.startsWith(' ') || code.endsWith(' ') || line[close + 1] === '`') return null;
      html += `<code>${escapeText(revealBidi(code))}</code>`;
      at = close + 1;
      continue;
    }
    // `**` opens after a space or the line's start, before a letter or digit; it closes after one, before a space,
    // the line's end or a punctuation mark: one delimiter run of exactly two, never both opening and closing.
    if (previous !== undefined && previous !== ' ') return null;
    const close = line.indexOf('**', next + 2);
    if (close === -1) return null;
    const inner = line.slice(next + 2, close);
    const after = line[close + 2];
    if (!ALNUM.test(inner[0] ?? '') || !ALNUM.test(inner.at(-1) ?? '') || inner.includes('`') || inner.includes('*')) return null;
    if (after !== undefined && !' .,:;?)'.includes(after)) return null;
    const strong = plainHtml(inner);
    if (strong === null) return null;
    html += `<strong>${strong}</strong>`;
    at = close + 2;
  }
  return html;
}

/** Paragraph lines: each starts as a word would (a letter, `**` or a code span), so none can start a block. */
function paragraphHtml(lines: string[]): string | null {
  const parts: string[] = [];
  for (const line of lines) {
    if (!LETTER_START.test(line) || line.endsWith(' ')) return null;
    const html = inlineHtml(line);
    if (html === null) return null;
    parts.push(html);
  }
  return `<p>${parts.join('\n')}</p>`;
}

const HEADING = /^(#{1,6}) ([A-Za-z0-9].*)$/;
const BULLET = /^- (.+)$/;
const NUMBERED = /^(\d{1,9})\. (.+)$/;
const FENCE = /^```([A-Za-z0-9_+-]*)$/;
const ANY_FENCE = /^ {0,3}(?:`{3,}|~{3,})/;

function listHtml(lines: string[], pattern: RegExp, tag: 'ul' | 'ol'): string | null {
  let html = '';
  for (const [index, line] of lines.entries()) {
    const match = pattern.exec(line);
    if (!match) return null;
    if (tag === 'ol' && index === 0 && match[1] !== '1') return null;
    const text = match[tag === 'ol' ? 2 : 1];
    if (!LETTER_START.test(text) || text.endsWith(' ')) return null;
    const item = inlineHtml(text);
    if (item === null) return null;
    html += `<li>${item}</li>`;
  }
  return `<${tag}>${html}</${tag}>`;
}

type BlockKind = 'ul' | 'ol' | 'other';

/**
 * The HTML the parser would give, or null. `code` renders a fenced block (language, text) as the parser's pipeline
 * does, highlighting included.
 */
export function simpleMarkdownHtml(text: string, code: (language: string, text: string) => string): string | null {
  // Direction controls are left to the parser too: it shows them as code points where they could make text read
  // backwards (a heading's code span among them).
  if (!text || text !== text.trim() || /[\r\t\0\f\v\u00a0\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text)) return null;
  const lines = text.split('\n');
  let html = '';
  let previous: BlockKind = 'other';
  let index = 0;
  while (index < lines.length) {
    if (lines[index] === '') {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(lines[index]);
    if (fence) {
      const end = lines.indexOf('```', index + 1);
      if (end === -1) return null;
      const body = lines.slice(index + 1, end);
      // Blank lines alone are an empty block to the parser; left to it.
      if (body.every((line) => line === '') || body.some((line) => ANY_FENCE.test(line))) return null;
      if (end + 1 < lines.length && lines[end + 1] !== '') return null;
      html += code(fence[1], `${body.join('\n')}\n`);
      previous = 'other';
      index = end + 1;
      continue;
    }
    let end = index;
    while (end < lines.length && lines[end] !== '') end += 1;
    const block = lines.slice(index, end);
    if (block.some((line) => line.startsWith(' ') || ANY_FENCE.test(line))) return null;
    const first = block[0];
    let part: string | null;
    let kind: BlockKind = 'other';
    if (first.startsWith('#')) {
      const heading = block.length === 1 ? HEADING.exec(first) : null;
      const inner = heading && !heading[2].endsWith('#') && !heading[2].endsWith(' ') ? inlineHtml(heading[2]) : null;
      part = inner === null ? null : `<h${heading![1].length}>${inner}</h${heading![1].length}>`;
    } else if (first.startsWith('- ')) {
      kind = 'ul';
      part = listHtml(block, BULLET, 'ul');
    } else if (/^\d/.test(first)) {
      kind = 'ol';
      part = listHtml(block, NUMBERED, 'ol');
    } else {
      part = paragraphHtml(block);
    }
    // Two lists of one kind with a blank line between are one loose list: left to the parser.
    if (part === null || (kind !== 'other' && kind === previous)) return null;
    html += part;
    previous = kind;
    index = end;
  }
  return html;
}
