import { describe, expect, it } from 'vitest';
import { expiry } from './snapshots-page';

describe("a snapshot's expiry in the list", () => {
  it('reads as one phrase, whether it lies ahead, has passed or never comes', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(expiry('2026-12-13T12:00:00Z', now)).toMatch(/^Expires 2026-12-1[34] /);
    expect(expiry('2026-12-05T12:00:00Z', now)).toMatch(/^Expired 2026-12-0[56] /);
    expect(expiry(null, now)).toBe('Never expires');
  });
});
