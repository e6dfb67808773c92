import { describe, expect, it } from 'vitest';
import { createSeenIds } from './seen-ids.ts';

describe('the IDs each end delivered', () => {
  it('records an ID new to both ends at once, with how many that end had before', () => {
    const seen = createSeenIds();
    expect([seen.addIfNew('head', 'a'), seen.addIfNew('head', 'b'), seen.addIfNew('tail', 'z')]).toEqual([true, true, true]);
    expect([seen.orderAt('head', 'a'), seen.orderAt('head', 'b'), seen.orderAt('tail', 'z')]).toEqual([0, 1, 0]);
    expect([seen.orderAt('tail', 'a'), seen.orderAt('head', 'z'), seen.orderAt('head', 'c')]).toEqual([undefined, undefined, undefined]);
  });

  it('keeps both orders of an ID both ends delivered, and counts resume cursors as -1 that still take a place', () => {
    const seen = createSeenIds();
    seen.add('tail', 'cursor', -1);
    expect(seen.addIfNew('tail', 'y')).toBe(true);
    expect(seen.orderAt('tail', 'y')).toBe(1);
    seen.add('head', 'x');
    expect(seen.addIfNew('head', 'y')).toBe(false);
    seen.add('head', 'y');
    seen.add('head', 'y');
    expect([seen.orderAt('head', 'y'), seen.orderAt('tail', 'y'), seen.orderAt('tail', 'cursor'), seen.orderAt('head', 'cursor')]).toEqual([1, 1, -1, undefined]);
    expect(seen.addIfNew('head', 'w')).toBe(true);
    expect(seen.orderAt('head', 'w')).toBe(2);
  });
});
