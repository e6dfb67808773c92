import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error';
import { retryDelay, shouldRetry } from './query-client';

const apiError = (status: number, retryAfterSeconds: number | null = null, code: string | null = null) =>
  new ApiError('failed', { status, retryAfterSeconds, code });

describe('shouldRetry', () => {
  it.each([400, 401, 403, 404, 422])('does not retry %i', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(false);
  });

  it.each([0, 429, 500, 502, 503, 504])('retries %i up to three times', (status) => {
    expect([0, 1, 2, 3].map((count) => shouldRetry(count, apiError(status)))).toEqual([true, true, true, false]);
  });

  it('gives up on a 429 that asks to wait more than a minute', () => {
    expect(shouldRetry(0, apiError(429, 60))).toBe(true);
    expect(shouldRetry(0, apiError(429, 3600))).toBe(false);
  });

  it.each(['upstream_timeout', 'upstream_unreachable', 'upstream_connection_reset', 'upstream_truncated'])('retries a %s, which may pass', (code) => {
    expect(shouldRetry(0, apiError(code === 'upstream_timeout' ? 504 : 502, null, code))).toBe(true);
  });

  it.each(['upstream_malformed', 'upstream_not_json', 'upstream_too_large'])('does not retry a %s: the same answer would come back', (code) => {
    expect(shouldRetry(0, apiError(502, null, code))).toBe(false);
  });

  it('does not retry errors that are not API errors', () => {
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('waits as long as Retry-After says', () => {
    expect(retryDelay(1, apiError(429, 7))).toBe(7000);
    expect(retryDelay(1, apiError(429, 0))).toBe(0);
  });

  it('backs off exponentially otherwise, up to 8 seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map((count) => retryDelay(count, apiError(503)))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(retryDelay(1, apiError(429))).toBe(1000);
  });
});
