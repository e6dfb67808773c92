import { revealBidi } from '../markdown/link-spoofing.ts';
import { safeLinkHref } from '../markdown/safe-url.ts';

/** An underscore between two letters or digits never starts emphasis, so `conv_1` stays as it is. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * What would start a block where a value begins a line (a list item's text, the names a tool list offers): a heading,
 * a quote, a list item or a rule, or code when it is indented. Leading spaces go, and the mark is escaped.
 */
const BLOCK_START = /^(?:([#>+=-])|(\d{1,9})([.)]))/;

/**
 * A field (a role, a tool or file name, a title, an ID) as literal text on one Markdown line: line breaks and other
 * control characters become spaces, direction controls show as code points, and every character Markdown or HTML
 * could read as syntax is escaped, so no value can start a heading, close a fence or open a tag.
 */
export function markdownInline(text: string): string {
  return revealBidi(text)
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/^\s+/, '')
    .replace(/[\\`*_[\]<>&!|~]/g, (char, at: number, whole: string) => (char === '_' && WORD.test(whole[at - 1] ?? '') && WORD.test(whole[at + 1] ?? '') ? char : `\\${char}`))
    .replace(BLOCK_START, (_, mark: string | undefined, digits: string | undefined, delimiter: string | undefined) => (mark ? `\\${mark}` : `${digits}\\${delimiter}`));
}

/** A link only to http(s) or mailto; anything else is written as its text alone. */
export function markdownLink(label: string, url: string): string {
  const href = safeLinkHref(url);
  if (!href) return markdownInline(label);
  return `[${markdownInline(label)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** The longest run of backticks in a text, in one pass: spreading every run into Math.max throws on huge texts. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A fence longer than any run of backticks inside, so no content can close it early. */
export function fence(text: string, language: string): string {
  const longest = longestBacktickRun(text);
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${language.replace(/[^A-Za-z0-9_+-]/g, '')}\n${text}\n${ticks}`;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** What starts raw HTML in CommonMark: a tag, a closing tag, a comment, a declaration, CDATA or an instruction. */
const RAW_HTML = /<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|\/[A-Za-z]|!--|![A-Za-z[]|\?)/;
/** A line that begins with a tag's name and ends there (`<pre`, `<div`): an HTML block, `<pre` one that never ends. */
const TAG_ENDS_LINE = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*$/;
/** Code spans, whose `<` is text: left out before looking for raw HTML. */
const CODE_SPAN = /(`+)[^`]*?\1/g;

/** A line Markdown reads as a heading: `#` to `######`, or a line of `=` or `-` under a line of text. */
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** The level an item's own heading has (`### Assistant`): headings inside its text go below it. */
const ITEM_LEVEL = 3;
const ATX_MARKS = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
/**
 * A line a line of `-` or `=` under it does not underline: a list item, a quote, indented code, or a rule (`---`,
 * `***`), which is never a paragraph's text.
 */
const NOT_UNDERLINED = /^(?: {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}>| {4}|\t| {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$)/;

/** A heading of Markdown text, moved below the item's own: `#` becomes `####`, `##` `#####`, deeper `######`. */
const nested = (level: number) => '#'.repeat(Math.min(6, ITEM_LEVEL + level));

/**
 * A message's text as a Markdown block that cannot reach past its own end: as written when it is safe, else in a
 * fence. Unsafe is a fence it opens and never closes (every heading after it would become code), and raw HTML outside
 * code (`<!--` hides the rest of the file, `<pre>` or `<details>` swallow it; the viewer shows raw HTML as text).
 * Text the viewer shows as written (`markdown` false: everyone's but the assistant's) is fenced too when a line of it
 * would be a heading, which would pass for one of the file's own ("## Turn 3", "### Assistant"). In Markdown text
 * (an assistant's), headings go below the item's own heading, as the viewer shows them inside the item: `## Done`
 * becomes `##### Done`, and a line underlined with `=` or `-` a heading of `#`, so none passes for a turn or an item.
 */
export function markdownBlock(text: string, markdown = true): string {
  let open: string | null = null;
  let previous = '';
  const lines: string[] = [];
  let moved = false;
  // A carriage return ends a line too, alone or before a line feed, as Markdown reads it.
  for (const line of text.split(/\r\n?|\n/)) {
    const above = previous;
    previous = line;
    lines.push(line);
    if (open !== null) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === open[0] && close.length >= open.length) open = null;
      continue;
    }
    const opening = FENCE_OPEN.exec(line)?.[1];
    if (opening) {
      open = opening;
      continue;
    }
    if (line.includes('<') && (RAW_HTML.test(line.replace(CODE_SPAN, '')) || TAG_ENDS_LINE.test(line))) return fence(text, '');
    const underline = SETEXT_UNDERLINE.test(line) && above.trim() !== '' && !HEADING.test(above) && !NOT_UNDERLINED.test(above) && !FENCE_CLOSE.test(above);
    if (!markdown && (HEADING.test(line) || underline)) return fence(text, '');
    if (!markdown) continue;
    const atx = ATX_MARKS.exec(line);
    if (atx) {
      lines[lines.length - 1] = `${atx[1]}${nested(atx[2].length)}${line.slice(atx[0].length)}`;
      moved = true;
    } else if (underline) {
      // The underlined line becomes the heading; the underline goes (a line of `=` is level 1, of `-` level 2).
      lines.pop();
      lines[lines.length - 1] = `${nested(line.trim()[0] === '=' ? 1 : 2)} ${above.trim()}`;
      previous = '';
      moved = true;
    }
  }
  if (open !== null) return fence(text, '');
  return moved ? lines.join('\n') : text;
}
