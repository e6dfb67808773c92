import { describe, expect, it } from 'vitest';
import { isFinalError, mayRetry } from './error-codes';

describe('the retry rules', () => {
  it.each([0, 429, 500, 502, 503, 504])('may retry %i', (status) => {
    expect(mayRetry(status, null)).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 422])('does not retry %i: it would fail the same way', (status) => {
    expect(mayRetry(status, null)).toBe(false);
  });

  it.each(['upstream_not_json', 'upstream_malformed', 'upstream_too_large', 'upstream_paging_loop', 'insufficient_quota'])(
    'does not retry %s, whatever its status',
    (code) => {
      expect(isFinalError(code)).toBe(true);
      expect(mayRetry(502, code)).toBe(false);
      expect(mayRetry(429, code)).toBe(false);
    },
  );

  it.each(['upstream_timeout', 'upstream_unreachable', 'upstream_connection_reset', 'upstream_truncated', 'viewer_busy'])('retries %s, which may pass', (code) => {
    expect(mayRetry(503, code)).toBe(true);
  });
});
