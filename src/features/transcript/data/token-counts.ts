import { itemText } from '../lib/item-text';
import type { End, TranscriptIndex } from './transcript-index';

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

let loading: Promise<CountTokens> | null = null;

/** o200k_base (GPT-4o and later), loaded on first use: a chunk of its own, never in the first load. */
export function loadTokenizer(): Promise<CountTokens> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((module) => (text: string) => module.countTokens(text));
  return loading;
}

/**
 * Estimated tokens of every loaded item, by ID, counted a batch at a time so a long conversation never blocks
 * the page. An estimate: providers count differently, and add their own overhead per message.
 */
export class TokenCounts {
  readonly byId = new Map<string, number>();
  total = 0;
  private readonly seen: Record<End, number> = { head: 0, tail: 0, live: 0 };

  /** Counts up to `budget` new items; returns true when every loaded item is counted. */
  step(index: TranscriptIndex, count: CountTokens, budget: number): boolean {
    if (index.head.length < this.seen.head || index.tail.length < this.seen.tail || index.live.length < this.seen.live) this.reset();
    let left = budget;
    for (const end of ['head', 'tail', 'live'] as const) {
      const list = index[end];
      while (this.seen[end] < list.length) {
        if (left <= 0) return false;
        const item = list[this.seen[end]];
        const tokens = estimateTokens(itemText(item), count);
        if (typeof item.id === 'string') this.byId.set(item.id, (this.byId.get(item.id) ?? 0) + tokens);
        this.total += tokens;
        this.seen[end] += 1;
        left -= 1;
      }
    }
    return true;
  }

  private reset() {
    this.byId.clear();
    this.total = 0;
    this.seen.head = 0;
    this.seen.tail = 0;
    this.seen.live = 0;
  }
}
