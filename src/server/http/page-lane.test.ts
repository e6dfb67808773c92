import { createServer, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiApp, type ApiApp } from '../routes/api-routes.ts';
import type { Source } from '../sources/sources.ts';
import { accessFromEnv } from './access-control.ts';
import { listen, type Listening } from './listen.ts';
import { matchPageRoute } from './page-lane.ts';
import { createServerStack } from './server-stack.ts';

const LIST = { object: 'list', data: [{ id: 'msg_1', type: 'message', content: 'hello' }], first_id: 'msg_1', last_id: 'msg_1', has_more: false };
const ITEM = { id: 'msg_1', type: 'message', content: 'hello' };
const CONVERSATION = { id: 'conv_abc', object: 'conversation', created_at: 1, metadata: {} };

/** An upstream that answers by path, and says which request id and retry hints it had. */
const fakeFetch = (async (input: string | URL | Request) => {
  const url = new URL(String(input));
  const headers = { 'content-type': 'application/json', 'x-request-id': 'req_upstream_1' };
  if (url.pathname.endsWith('/conv_fail/items')) return new Response(JSON.stringify({ error: { message: 'no', type: 'server_error', code: null } }), { status: 500, headers: { ...headers, 'x-should-retry': 'false' } });
  if (url.pathname.endsWith('/conv_odd')) return new Response('{"id": 5}', { headers });
  if (url.pathname.endsWith('/conv_big/items')) return new Response(JSON.stringify({ ...LIST, data: Array.from({ length: 60 }, (_, i) => ({ ...ITEM, id: `msg_${i}` })) }), { headers });
  if (url.pathname.endsWith('/items')) return new Response(JSON.stringify(LIST), { headers });
  if (url.pathname.includes('/items/')) return new Response(JSON.stringify(ITEM), { headers });
  return new Response(JSON.stringify(CONVERSATION), { headers });
}) as typeof fetch;

const demo: Source = { id: 'demo', label: 'Demo', kind: 'demo', baseUrl: 'http://upstream.test/v1', apiKey: 'k' };
const openai: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk-test-0123456789' };
const PASSWORD = 'lane-password-1';

// The same page reads, through the Node lane (the stack's listener) and through Hono (the stack's app).
const REQUESTS: { path: string; method?: string; headers?: Record<string, string> }[] = [
  { path: '/api/sources/demo/conversations/conv_abc' },
  { path: '/api/sources/demo/conversations/conv_abc/items?limit=5&order=asc&after=msg_0&foo=bar' },
  { path: '/api/sources/demo/conversations/conv_abc/items/msg_1' },
  { path: '/api/sources/demo/conversations/conv_abc/items', method: 'HEAD' },
  { path: '/api/sources/demo/conversations/conv_abc/items?limit=500' },
  { path: '/api/sources/demo/conversations/conv_abc/items?order=sideways' },
  { path: '/api/sources/demo/conversations/not-a-conversation' },
  { path: '/api/sources/demo/conversations/conv_abc/items/bad%20id' },
  { path: '/api/sources/nowhere/conversations/conv_abc' },
  { path: '/api/sources/dashscope/conversations/conv_abc' },
  { path: '/api/sources/demo/conversations/conv_abc/items?include=reasoning.encrypted_content' },
  { path: '/api/sources/openai/conversations/conv_abc/items?include[]=reasoning.encrypted_content&include=bogus' },
  { path: '/api/sources/openai/conversations/conv_abc', headers: { 'openai-organization': 'org bad' } },
  { path: '/api/sources/openai/conversations/conv_abc', headers: { 'openai-project': 'proj_1' } },
  { path: '/api/sources/demo/conversations/conv_fail/items' },
  { path: '/api/sources/demo/conversations/conv_odd' },
];

// What differs between any two answers: fresh ids, the time, and how the connection is kept.
const VARYING = new Set(['x-viewer-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

async function answer(baseUrl: string, request: (typeof REQUESTS)[number], authorization?: string) {
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method ?? 'GET', headers: { ...request.headers, ...(authorization ? { authorization } : {}) } });
  const body = await response.text();
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !VARYING.has(name)));
  // The viewer's own request id is fresh each time; where it stands in for the upstream's, say so instead.
  if (headers['x-request-id']?.startsWith('vreq_')) headers['x-request-id'] = 'vreq_…';
  return { status: response.status, headers, body };
}

describe('the page lane', () => {
  let api: ApiApp;
  let lane: Listening;
  let hono: Listening;
  let guardedLane: Listening;
  let guardedHono: Listening;
  const lines: string[] = [];

  beforeAll(async () => {
    api = createApiApp({ sources: [demo, openai], fetch: fakeFetch });
    const stack = createServerStack({ api, access: null, log: (line) => lines.push(line) });
    lane = await listen(stack, '127.0.0.1', 0);
    hono = await listen(stack.app.fetch, '127.0.0.1', 0);
    const access = accessFromEnv({ VIEWER_PASSWORD: PASSWORD });
    const guarded = createServerStack({ api: createApiApp({ sources: [demo], fetch: fakeFetch, access }), access });
    guardedLane = await listen(guarded, '127.0.0.1', 0);
    guardedHono = await listen(guarded.app.fetch, '127.0.0.1', 0);
  });
  afterAll(async () => {
    for (const server of [lane, hono, guardedLane, guardedHono]) await server?.close();
  });

  it('answers every page read as the rest of the stack would: status, headers and body', async () => {
    for (const request of REQUESTS) {
      const expected = await answer(hono.url, request);
      expect(await answer(lane.url, request), `${request.method ?? 'GET'} ${request.path}`).toEqual(expected);
    }
  });

  it('serves page reads itself, and leaves every other request to Hono', async () => {
    const relay = vi.spyOn(api, 'answerPage');
    await answer(lane.url, REQUESTS[1]);
    expect(relay).toHaveBeenCalledTimes(1);
    // Writes, the stream and other paths are not page reads.
    expect((await fetch(`${lane.url}/api/sources/demo/conversations/conv_abc/items`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${lane.url}/api/sources/demo/conversations/conv_abc/stream`, { method: 'HEAD' })).status).toBe(405);
    expect((await fetch(`${lane.url}/api/sources`)).status).toBe(200);
    expect(relay).toHaveBeenCalledTimes(1);
    relay.mockRestore();
  });

  it('writes the access log line for a page read, with its status and both request ids', async () => {
    lines.length = 0;
    const response = await fetch(`${lane.url}/api/sources/demo/conversations/conv_abc/items?limit=2`);
    await response.text();
    const line = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ method: 'GET', path: '/api/sources/demo/conversations/conv_abc/items', query: ['limit'], status: 200, upstreamRequestId: 'req_upstream_1' });
    expect(line.requestId).toBe(response.headers.get('x-viewer-request-id'));
  });

  it('refuses a page read without credentials, as the stack does, and serves it with them', async () => {
    const request = REQUESTS[1];
    const refused = await answer(guardedLane.url, request);
    expect(refused.status).toBe(401);
    expect(refused).toEqual(await answer(guardedHono.url, request));
    const basic = `Basic ${Buffer.from(`user:${PASSWORD}`).toString('base64')}`;
    expect((await answer(guardedLane.url, request, basic)).status).toBe(200);
  });
});

describe('page routes', () => {
  it('are the conversation, a page of its items and one item; nothing else', () => {
    expect(matchPageRoute('/api/sources/demo/conversations/conv_1')).toMatchObject({ source: 'demo', conversationId: 'conv_1', target: 'conversation' });
    expect(matchPageRoute('/api/sources/demo/conversations/conv_1/items?limit=2')).toMatchObject({ target: 'items' });
    expect(matchPageRoute('/api/sources/demo/conversations/conv_1/items?limit=2')?.search.get('limit')).toBe('2');
    expect(matchPageRoute('/api/sources/demo/conversations/conv_1/items/msg_%31')).toMatchObject({ itemId: 'msg_1', target: 'item' });
    for (const other of ['/api/sources', '/api/sources/demo/conversations', '/api/sources/demo/conversations/conv_1/stream', '/api/sources/demo/conversations/conv_1/export', '/api/sources/demo/conversations/conv_1/items/', '/c/conv_1']) {
      expect({ other, route: matchPageRoute(other) }).toEqual({ other, route: null });
    }
  });
});

// This machine's address on a network, if it has one: a client that connects to it is not on the loopback.
const external = Object.values(networkInterfaces())
  .flat()
  .find((net) => net?.family === 'IPv4' && !net.internal)?.address;

describe.skipIf(!external)('the page lane, for a client elsewhere', () => {
  let lane: Listening;
  beforeAll(async () => {
    lane = await listen(createServerStack({ api: createApiApp({ sources: [demo], fetch: fakeFetch }), access: null }), '0.0.0.0', 0);
  });
  afterAll(async () => lane?.close());

  it('compresses a page read it takes, and sends a small one as it is', async () => {
    const port = new URL(lane.url).port;
    // node:http, which leaves the body as it came.
    const get = (path: string, acceptEncoding: string, method = 'GET') =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet({ host: external, port, path, method, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(parts) }));
        }).on('error', reject);
      });
    const big = await get('/api/sources/demo/conversations/conv_big/items', 'br, gzip');
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(big.headers['content-length'])).toBe(big.body.length);
    expect((JSON.parse(brotliDecompressSync(big.body).toString()) as { data: unknown[] }).data).toHaveLength(60);
    // HEAD says the encoding the GET comes in, and no length it does not know.
    const head = await get('/api/sources/demo/conversations/conv_big/items', 'br, gzip', 'HEAD');
    expect([head.headers['content-encoding'], head.headers['content-length'], head.body.length]).toEqual(['br', undefined, 0]);
    const small = await get('/api/sources/demo/conversations/conv_abc', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual(CONVERSATION);
  });
});

describe('a page read whose client has gone', () => {
  it('ends its upstream read instead of waiting for the answer', async () => {
    // An upstream that answers after 3 s, and tells whether the viewer closed a read before its answer.
    const closedEarly: string[] = [];
    let received = 0;
    const upstream = createServer((request, response) => {
      received += 1;
      response.on('close', () => {
        if (!response.writableFinished) closedEarly.push(request.url ?? '');
      });
      const timer = setTimeout(() => response.end(JSON.stringify(LIST)), 3000);
      response.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const slow: Source = { id: 'slow', label: 'Slow', kind: 'compatible', baseUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`, apiKey: 'sk-slow-0123456789' };
    // One upstream read at a time: a read left running would hold the next one back.
    const viewer = await listen(createServerStack({ api: createApiApp({ sources: [slow], timeoutMs: 20_000, concurrency: 1 }), access: null }), '127.0.0.1', 0);
    try {
      const gone = new AbortController();
      const left = fetch(`${viewer.url}/api/sources/slow/conversations/conv_abc/items?limit=1`, { signal: gone.signal }).catch(() => null);
      await vi.waitFor(() => expect(received).toBe(1));
      gone.abort();
      await left;
      await vi.waitFor(() => expect(closedEarly).toEqual(['/v1/conversations/conv_abc/items?limit=1']), { timeout: 2000 });
    } finally {
      await viewer.close();
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});
