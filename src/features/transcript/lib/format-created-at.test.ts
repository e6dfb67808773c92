import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCreatedAt } from './format-created-at';

afterEach(() => vi.unstubAllEnvs());

describe('formatCreatedAt', () => {
  it('reads the API’s seconds as the reader’s local time, with the ISO form beside it', () => {
    vi.stubEnv('TZ', 'Europe/Berlin');
    expect(formatCreatedAt(Date.UTC(2026, 11, 5, 17, 47, 30) / 1000)).toEqual({ local: '2026-12-05 18:47 UTC+1', iso: '2026-12-05T17:47:30.000Z' });
  });

  it('says nothing for a value that is no time', () => {
    expect(formatCreatedAt(undefined)).toBeNull();
    expect(formatCreatedAt('yesterday')).toBeNull();
    expect(formatCreatedAt(Number.NaN)).toBeNull();
  });
});
