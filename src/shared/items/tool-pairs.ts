import { pairKey } from './item-catalog.ts';

type Item = { type: string; [field: string]: unknown };

/**
 * The one rule for which call an output answers, read in conversation order: the nearest call before it with the same
 * key that no output answers yet. Two calls with one key (a retry, a provider that reuses IDs) each keep their own
 * answer, or none; an output with no such call before it answers nothing and stands on its own.
 */
export class CallMatcher<T> {
  /** Per key, the calls no output answers yet, oldest first. */
  private readonly open = new Map<string, T[]>();

  /** A call, next in order: it waits for its answer. */
  call(key: string, value: T): void {
    const calls = this.open.get(key);
    if (calls) calls.push(value);
    else this.open.set(key, [value]);
  }

  /** An output, next in order: the call it answers, which no longer waits, or undefined when none waits. */
  answer(key: string): T | undefined {
    const calls = this.open.get(key);
    const call = calls?.pop();
    if (calls && calls.length === 0) this.open.delete(key);
    return call;
  }

  clear(): void {
    this.open.clear();
  }

  /** The calls no output has answered, by key, each key's oldest first. */
  unanswered(): IterableIterator<T[]> {
    return this.open.values();
  }
}

/** For each item, the index of the item it pairs with by the rule above, or -1. */
export function pairInOrder(items: readonly Item[]): Int32Array {
  const partner = new Int32Array(items.length).fill(-1);
  const matcher = new CallMatcher<number>();
  items.forEach((item, index) => {
    const pair = pairKey(item);
    if (!pair) return;
    if (pair.side === 'call') return matcher.call(pair.key, index);
    const call = matcher.answer(pair.key);
    if (call === undefined) return;
    partner[index] = call;
    partner[call] = index;
  });
  return partner;
}
