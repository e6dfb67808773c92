/** Punctuation a copied ID may end with: closing quotes and brackets, and the end of a sentence. */
export const TRAILING_PUNCTUATION = '"\'`)>]},.;:!?';

/**
 * `text` without the characters of `chars` at its end, cut by hand: `/[…]+$/` tries every run of them to its end,
 * which takes seconds for a long run pasted in the middle of the text.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end -= 1;
  return text.slice(0, end);
}
