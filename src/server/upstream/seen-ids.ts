import type { End } from './load-conversation.ts';

const BIT: Record<End, number> = { head: 0, tail: 1 };

/**
 * The IDs each end of a load delivered, each with how many IDs that end had recorded before it (-1: a resume cursor).
 * One map holds the end that recorded an ID first, so the usual question (is this ID new to both ends?) costs one
 * lookup; an ID both ends recorded (an upstream may repeat one) keeps the second end's order beside it.
 */
export function createSeenIds() {
  // ID → order × 2 + the end's bit, for the end that recorded it first.
  const first = new Map<string, number>();
  // ID → order, for the other end, where both recorded it.
  const second = new Map<string, number>();
  const counts: Record<End, number> = { head: 0, tail: 0 };
  const endOf = (code: number) => (((code % 2) + 2) % 2 === BIT.head ? 'head' : 'tail');
  const orderOf = (code: number) => (code - (((code % 2) + 2) % 2)) / 2;

  function orderAt(end: End, id: string): number | undefined {
    const code = first.get(id);
    if (code === undefined) return undefined;
    return endOf(code) === end ? orderOf(code) : second.get(id);
  }

  /** Records that `end` delivered `id`, unless it had already. */
  function add(end: End, id: string, order = counts[end]): void {
    const code = first.get(id);
    if (code !== undefined && (endOf(code) === end || second.has(id))) return;
    counts[end] += 1;
    if (code === undefined) first.set(id, order * 2 + BIT[end]);
    else second.set(id, order);
  }

  /** Records `id` for `end` and answers true when neither end has it yet; otherwise records nothing. */
  function addIfNew(end: End, id: string): boolean {
    if (first.has(id)) return false;
    first.set(id, counts[end] * 2 + BIT[end]);
    counts[end] += 1;
    return true;
  }

  return { orderAt, add, addIfNew };
}
