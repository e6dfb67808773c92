import { safeLinkHref } from '../markdown/safe-url.ts';

/** An underscore between two letters or digits never starts emphasis, so `conv_1` stays as it is. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * A field (a role, a tool or file name, a title, an ID) as literal text on one Markdown line: line breaks and other
 * control characters become spaces, and every character Markdown or HTML could read as syntax is escaped, so no value
 * can start a heading, close a fence or open a tag.
 */
export function markdownInline(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/[\\`*_[\]<>&!|~]/g, (char, at: number, whole: string) => (char === '_' && WORD.test(whole[at - 1] ?? '') && WORD.test(whole[at + 1] ?? '') ? char : `\\${char}`));
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
