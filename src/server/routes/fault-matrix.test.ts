import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from './api-routes.ts';
import { startFaultUpstream } from '../testing/fault-upstream.ts';
import type { Source } from '../sources/sources.ts';

const KEY = 'sk-test-fault-matrix-key-0001';
let upstream: Awaited<ReturnType<typeof startFaultUpstream>>;
let app: ReturnType<typeof createApiApp>;

beforeAll(async () => {
  upstream = await startFaultUpstream();
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: KEY };
  app = createApiApp({ sources: [source], timeoutMs: 1000, maxBytes: 64 * 1024 });
});
afterAll(() => upstream.close());

const items = (fault: string) => `/api/sources/openai/conversations/conv_fault_${fault}/items?limit=100`;

async function errorOf(path: string) {
  const response = await app.request(path);
  const body = (await response.json()) as { error: { message: string; code: string | null; type: string | null } };
  return { status: response.status, headers: response.headers, ...body.error };
}

describe('the proxy facing a misbehaving upstream', () => {
  it.each([
    ['401', 401, 'invalid_api_key', /Incorrect API key provided: \[redacted\]/],
    ['403', 403, 'forbidden', /not allowed to access this conversation/],
    ['404', 404, null, /conv_fault_404' not found/],
    ['429', 429, 'rate_limit_exceeded', /Rate limit reached/],
    ['500', 500, null, /error while processing your request/],
    ['502', 502, null, /^HTTP 502 Bad Gateway \(nginx\)$/],
    ['503', 503, null, /engine is currently overloaded/],
    ['timeout', 504, 'upstream_timeout', /OpenAI did not answer within 1 second\./],
    ['reset', 502, 'upstream_connection_reset', /OpenAI closed the connection before answering \(ECONNRESET\)/],
    ['html', 502, 'upstream_not_json', /OpenAI answered with an HTML page instead of JSON\. HTTP 200 OK: Sign in to continue/],
    ['truncated', 502, 'upstream_truncated', /OpenAI's answer was cut off: its JSON ends after \d+ characters/],
    ['shape', 502, 'upstream_malformed', /unexpected shape \(data: /],
    ['large', 502, 'upstream_too_large', /more than 0\.1 MiB.*UPSTREAM_MAX_BYTES/],
    ['chunked', 502, 'upstream_too_large', /more than 0\.1 MiB.*UPSTREAM_MAX_BYTES/],
  ])('%s: answers %i with code %s and a specific message', async (fault, status, code, message) => {
    const error = await errorOf(items(fault));
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(KEY);
  });

  it('passes Retry-After on to the browser with a 429', async () => {
    const error = await errorOf(items('429'));
    expect(error.headers.get('retry-after')).toBe('120');
    expect(error.headers.get('x-should-retry')).toBe('true');
  });

  it('reports a conversation of the wrong shape by the field that is missing', async () => {
    const error = await errorOf('/api/sources/openai/conversations/conv_fault_shape');
    expect(error).toMatchObject({ status: 502, code: 'upstream_malformed', message: expect.stringContaining('(id: ') });
  });

  it('passes no upstream header through but a well-formed request id', async () => {
    const response = await app.request(items('headers'));
    expect(response.status).toBe(200);
    for (const name of ['set-cookie', 'x-powered-by', 'access-control-allow-origin', 'x-injected']) {
      expect(response.headers.get(name)).toBeNull();
    }
    // No well-formed id came: the viewer's own stands in.
    expect(response.headers.get('x-request-id')).toMatch(/^vreq_/);
    expect((await app.request(items('ok'))).headers.get('x-request-id')).toBe('req_fault_ok');
  });

  it('answers 502 upstream_unreachable when nothing listens at the base URL', async () => {
    const closed = await startFaultUpstream();
    await closed.close();
    const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: closed.baseUrl, apiKey: KEY };
    const response = await createApiApp({ sources: [source], timeoutMs: 1000 }).request(items('ok'));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_unreachable', message: expect.stringContaining('ECONNREFUSED') } });
  });
});
