import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiApp } from './api-routes.ts';
import { startFaultUpstream } from '../testing/fault-upstream.ts';
import type { Source } from '../sources/sources.ts';

const KEY = 'sk-proj-Redaction0123456789abcdefXYZ';
let upstream: Awaited<ReturnType<typeof startFaultUpstream>>;
let app: ReturnType<typeof createApiApp>;

beforeAll(async () => {
  upstream = await startFaultUpstream();
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: KEY };
  app = createApiApp({ sources: [source], timeoutMs: 5_000 });
});
afterAll(() => upstream.close());

it.each(['base64url', 'basic', 'hex'])('drops an upstream request id that is the key in %s', async (form) => {
  for (const path of ['items', 'stream']) {
    const response = await app.request(`/api/sources/openai/conversations/conv_fault_keyid_${form}/${path}`);
    expect(response.status).toBe(200);
    // The upstream's id is dropped; the viewer's own stands in, as on every answer without one.
    expect(response.headers.get('x-request-id')).toMatch(/^vreq_/);
    await response.text();
  }
});

it('passes an ordinary request id on', async () => {
  const response = await app.request('/api/sources/openai/conversations/conv_fault_ok/items');
  expect(response.headers.get('x-request-id')).toBe('req_fault_ok');
});

it('blanks the key percent-encoded character by character, in either hex case', async () => {
  const response = await app.request('/api/sources/openai/conversations/conv_fault_keypercent/items');
  const text = await response.text();
  expect(response.status).toBe(401);
  expect(JSON.parse(text).error.message).toBe('Incorrect API key provided: [redacted].');
  expect(decodeURIComponent(text).toLowerCase()).not.toContain(KEY.toLowerCase());
});
