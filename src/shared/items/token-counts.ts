import { tokenText } from './token-text.ts';

export type CountTokens = (text: string) => number;

/** Texts past this length are estimated from their length: tokenising megabytes would freeze the tab. */
const EXACT_LIMIT = 200_000;

/** A token count that never throws: text the tokenizer refuses (special tokens) is estimated from its length. */
export function estimateTokens(text: string, count: CountTokens): number {
  if (text.length > EXACT_LIMIT) return Math.ceil(text.length / 4);
  try {
    return count(text);
  } catch {
    return Math.ceil(text.length / 4);
  }
}

/** An item's count as the page shows it: the tokenizer on its readable text, images and other opaque data left out. */
export function itemTokens(item: Parameters<typeof tokenText>[0], count: CountTokens): number {
  return estimateTokens(tokenText(item).text, count);
}

let loading: Promise<CountTokens> | null = null;

/** o200k_base (GPT-4o and later), loaded on first use: a chunk of its own, never in the first load. */
export function loadTokenizer(): Promise<CountTokens> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((module) => (text: string) => module.countTokens(text));
  return loading;
}
