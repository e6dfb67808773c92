/** Punctuation a copied ID may end with: closing quotes and brackets, and the end of a sentence. */
const TRAILING = new Set(['"', "'", '`', ')', '>', ']', '}', ',', '.', ';', ':', '!', '?']);

/**
 * `text` without the characters of `chars` at its end, cut by hand: `/[…]+$/` tries every run of them to its end,
 * which takes seconds for a long run pasted in the middle of the text.
 */
export function trimEndOf(text: string, chars: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0 && chars.has(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** `text` without the sentence's punctuation or closing bracket that a link or ID pasted from a chat carries: `conv_x).` is conv_x. */
export function withoutTrailingPunctuation(text: string): string {
  return trimEndOf(text, TRAILING);
}
