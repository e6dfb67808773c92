import { inlineNesting, markdownNesting, MAX_INLINE_NESTING, MAX_MARKDOWN_NESTING } from './markdown-nesting.ts';
import { formatCount } from '../format.ts';

/** Longer texts are shown plain: formatting a megabyte of Markdown would freeze the page. */
export const MARKDOWN_LIMIT = 60_000;

/** Why a text asked for as Markdown is shown as written instead, or null when it can be formatted. */
export function plainMarkdownReason(text: string): string | null {
  if (text.length > MARKDOWN_LIMIT) return 'Shown as plain text: too long to format as Markdown.';
  const nesting = markdownNesting(text);
  if (nesting > MAX_MARKDOWN_NESTING) return `Shown as plain text: nested ${formatCount(nesting)} levels deep, too deep to format as Markdown.`;
  const inline = inlineNesting(text);
  if (inline > MAX_INLINE_NESTING) return `Shown as plain text: its links or emphasis nest ${formatCount(inline)} levels deep, too deep to format as Markdown.`;
  return null;
}
