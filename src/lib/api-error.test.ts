import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse, parseRetryAfter } from './api-error';

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it('reads a number of seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 7 ', now)).toBe(7);
    expect(parseRetryAfter('0', now)).toBe(0);
    // A fraction, as some providers send it, is waited for in full.
    expect(parseRetryAfter('1.5', now)).toBe(2);
  });

  it('reads an HTTP date as seconds from now, never negative', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('errorFromResponse', () => {
  it('turns an OpenAI error response into an ApiError', async () => {
    const response = new Response(JSON.stringify({ error: { message: 'Slow down', type: 'requests', code: 'rate_limit_exceeded' } }), {
      status: 429,
      headers: { 'retry-after': '7' },
    });
    const error = await errorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'ApiError', message: 'Slow down', status: 429, code: 'rate_limit_exceeded', retryAfterSeconds: 7 });
  });

  it('reads the wait from retry-after-ms when Retry-After is missing', async () => {
    const response = new Response(JSON.stringify({ error: { message: 'Slow down' } }), { status: 429, headers: { 'retry-after-ms': '1500' } });
    expect(await errorFromResponse(response)).toMatchObject({ status: 429, retryAfterSeconds: 2 });
  });

  it('describes a non-JSON response by its status line', async () => {
    const error = await errorFromResponse(new Response('<h1>Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error).toMatchObject({ message: 'HTTP 502 Bad Gateway (a page saying only that)', status: 502, code: null, retryAfterSeconds: null });
  });

  it("keeps the provider's request id from x-request-id, the header the proxy passes it in", async () => {
    const headers = { 'x-request-id': 'req_abc123', 'x-viewer-request-id': 'vreq_1' };
    const error = await errorFromResponse(new Response('{"error":{"message":"Not found"}}', { status: 404, headers }));
    expect(error.requestId).toBe('req_abc123');
  });
});
