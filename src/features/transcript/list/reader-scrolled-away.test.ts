import { describe, expect, it } from 'vitest';
import { readerScrolledAway } from './reader-scrolled-away';

describe('readerScrolledAway', () => {
  it('takes a page moved far while the row stayed for the reader scrolling away', () => {
    expect(readerScrolledAway(2_000, 0, 900)).toBe(true);
    expect(readerScrolledAway(-1_200, 40, 900)).toBe(true);
  });

  it('takes the page moving with the row (rows measured above it) for no scroll of the reader', () => {
    expect(readerScrolledAway(1_500, 1_480, 900)).toBe(false);
    expect(readerScrolledAway(100, 0, 900)).toBe(false);
  });

  it('takes a row moved while the page stood still (the list placed below a summary) for no scroll of the reader', () => {
    expect(readerScrolledAway(0, 620, 900)).toBe(false);
    expect(readerScrolledAway(0, -2_000, 900)).toBe(false);
  });
});
