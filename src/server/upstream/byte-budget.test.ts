import { describe, expect, it } from 'vitest';
import { createByteBudget } from './byte-budget.ts';

const never = () => new AbortController().signal;

describe('the byte budget', () => {
  it('admits what fits at once, queues the rest in order, and admits it as bytes come back', async () => {
    const budget = createByteBudget(100);
    const first = budget.lease();
    const second = budget.lease();
    expect(first.grow(60, never())).toBe(true);
    const waiting = second.grow(60, never());
    expect(waiting).toBeInstanceOf(Promise);
    expect(budget.waiting).toBe(1);
    first.release();
    await expect(waiting).resolves.toBe(true);
    expect(budget.used).toBe(60);
    second.release();
    second.release();
    expect(budget.used).toBe(0);
  });

  it('gives up when the signal aborts, and then lets the next in line through', async () => {
    const budget = createByteBudget(100);
    const holder = budget.lease();
    holder.grow(90, never());
    const late = budget.lease().grow(50, AbortSignal.timeout(20));
    await expect(late).resolves.toBe(false);
    expect(budget.waiting).toBe(0);
    expect(budget.used).toBe(90);
  });

  it('lets one answer bigger than the whole budget through, when it is the only one', async () => {
    const budget = createByteBudget(100);
    const big = budget.lease();
    expect(big.grow(80, never())).toBe(true);
    expect(big.grow(80, never())).toBe(true);
    big.resize(150);
    expect(budget.used).toBe(150);
    const other = budget.lease().grow(1, never());
    expect(other).toBeInstanceOf(Promise);
    big.release();
    await expect(other).resolves.toBe(true);
  });
});
