/** Longer text is searched only as written: its copy as read would double its memory. */
const MAX_PLAIN = 256 * 1024;
const MARKDOWN_MARKS = /[*`~]|\]\(|^[ \t]{0,3}>|^[ \t]*(?:[-+]|\d{1,9}[.)])[ \t]/m;
/** The start of a list item's line: its indent and its marker (`- `, `* `, `+ `, `1. `, `1) `). */
const LIST_ITEM = /(^|\n)[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/g;
/**
 * Markdown as the page shows it, for search beside the text as written: `**bold**`, `` `code` ``, `~~struck~~` without
 * their marks, a link as its label, a quote without the `>` that starts each of its lines, and a list's items without
 * their markers, each a block of its own, so "the --force flag" finds "the **--force** flag", and "Note SQLite" a
 * quote's "> **Note**" and "> SQLite" lines, as a browser's find would. (Underscores stay: in names such as
 * `journal_mode` they are not emphasis.)
 */
export function markdownPlain(text: string): string {
  if (text.length > MAX_PLAIN || !MARKDOWN_MARKS.test(text)) return text;
  return text
    .replace(/\[([^\]\n]{0,500})\]\([^)\s]{0,2048}\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:>[ \t]?)+/gm, '')
    .replace(LIST_ITEM, '$1\n')
    .replace(/[*`~]+/g, '');
}
