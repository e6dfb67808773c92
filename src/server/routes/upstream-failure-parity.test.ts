import { afterAll, describe, expect, it } from 'vitest';
import { createApiApp } from './api-routes.ts';
import type { SnapshotConfig } from '../snapshots/snapshot-config.ts';
import type { Source } from '../sources/sources.ts';
import { createLazyStore } from '../store/open-store.ts';

const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk-test-key' };
const CONVERSATION = '/api/sources/openai/conversations/conv_x';

interface Failure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const FAILURES: [string, Failure][] = [
  [
    'an OpenAI rate limit with Retry-After-Ms and no code',
    {
      status: 429,
      body: { error: { message: 'Rate limit reached.', type: 'requests', code: null, param: null } },
      headers: { 'retry-after': '2', 'retry-after-ms': '1500', 'x-request-id': 'req_0123456789abcdef' },
    },
  ],
  ['a DashScope native error with its request id in the body', { status: 429, body: { code: 'Throttling', message: 'Requests throttled.', request_id: 'ds-7c1f0a2e' }, headers: { 'retry-after-ms': '800' } }],
  ['a server error without a code', { status: 500, body: { error: { message: 'The server had an error.', type: 'server_error', code: null } } }],
];

/** What a client reads of an error answer: the status, the headers the SDKs and the browser look at, and the body. */
async function seen(response: Response) {
  const headers = Object.fromEntries(['retry-after', 'retry-after-ms', 'x-request-id', 'x-should-retry'].map((name) => [name, response.headers.get(name)]));
  // Without the upstream's request id, each answer has the viewer's own, which differs from one request to the next.
  if (headers['x-request-id'] === response.headers.get('x-viewer-request-id')) headers['x-request-id'] = "the viewer's own";
  return { status: response.status, headers, body: await response.json() };
}

/** An app whose upstream answers `failure` to the requests `fails` picks, and a healthy conversation or empty page otherwise. */
const store = createLazyStore({ kind: 'pglite', directory: null });
afterAll(() => store.close());
const snapshots: SnapshotConfig = { mode: 'public', location: { kind: 'pglite', directory: null }, maxItems: 1000, maxBytes: 1024 * 1024, ratePerMinute: 0 };

function appFailing(failure: Failure, fails: (url: URL) => boolean = () => true) {
  const upstream = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    if (fails(url)) return Response.json(failure.body, { status: failure.status, headers: failure.headers });
    if (url.pathname.endsWith('/items')) return Response.json({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
    return Response.json({ id: 'conv_x', object: 'conversation', created_at: 1, metadata: {} });
  }) as typeof fetch;
  return createApiApp({ sources: [source], fetch: upstream, snapshots: { config: snapshots, store } });
}

describe("an upstream's failure before anything was sent", () => {
  it.each(FAILURES)('is passed on by the item stream as a page read passes it on: %s', async (_, failure) => {
    const app = appFailing(failure);
    const page = await seen(await app.request(`${CONVERSATION}/items`));
    expect(await seen(await app.request(`${CONVERSATION}/stream`))).toEqual(page);
  });

  it.each(FAILURES)('is passed on by the export as a page read passes it on: %s', async (_, failure) => {
    const app = appFailing(failure);
    const page = await seen(await app.request(CONVERSATION));
    expect(await seen(await app.request(`${CONVERSATION}/export?format=json`))).toEqual(page);
    const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'markdown' }) };
    expect(await seen(await app.request(`${CONVERSATION}/export`, post))).toEqual(page);
  });

  it.each(FAILURES)("is passed on by the export as a page read passes it on when only the items' read fails: %s", async (_, failure) => {
    const app = appFailing(failure, (url) => url.pathname.endsWith('/items'));
    const page = await seen(await app.request(`${CONVERSATION}/items`));
    expect(await seen(await app.request(`${CONVERSATION}/export?format=html`))).toEqual(page);
  });

  it.each(FAILURES)('is passed on by a new snapshot as a page read passes it on: %s', async (_, failure) => {
    const app = appFailing(failure, (url) => url.pathname.endsWith('/items'));
    const page = await seen(await app.request(`${CONVERSATION}/items`));
    const body = JSON.stringify({ source: 'openai', conversation_id: 'conv_x' });
    expect(await seen(await app.request('/api/snapshots', { method: 'POST', headers: { 'content-type': 'application/json' }, body }))).toEqual(page);
  }, 30_000);
});
