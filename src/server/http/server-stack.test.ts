import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFromEnv } from './access-control.ts';
import { createApiApp } from '../routes/api-routes.ts';
import { demoExamples } from '../demo/conversations.ts';
import { startDemoUpstream } from '../demo/start-demo-upstream.ts';
import { createServerStack } from './server-stack.ts';
import { listen } from './listen.ts';
import { sourcesFromEnv } from '../sources/sources.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

const PASSWORD = 'correct horse battery staple';
const TOKEN = 'script-token-0123456789';
const CONVERSATION = '/api/sources/demo/conversations/conv_68f2a91c4be08190b3d5e27a61c40f9d';
const PAGES = ['/', '/index.html', '/c/conv_68f2a91c4be08190b3d5e27a61c40f9d?source=demo', '/assets/app.js'];
const API = ['/api/sources', CONVERSATION, `${CONVERSATION}/items?limit=2`, '/api/nope'];

const BIG_SCRIPT = `console.log(${JSON.stringify('compressible '.repeat(500))});`;

let demo: Awaited<ReturnType<typeof startDemoUpstream>>;
let clientDir: string;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

beforeAll(async () => {
  demo = await startDemoUpstream();
  clientDir = mkdtempSync(join(tmpdir(), 'viewer-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(clientDir, 'app.js'), '');
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(clientDir, 'assets', 'big-abc123.js'), BIG_SCRIPT);
  writeFileSync(join(clientDir, 'assets', 'big-abc123.js.br'), brotliCompressSync(BIG_SCRIPT));
  writeFileSync(join(clientDir, 'assets', 'big-abc123.js.gz'), gzipSync(BIG_SCRIPT));
});
afterAll(() => demo.close());

function setup(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
  const { app } = createServerStack({ api, access: accessFromEnv(env), log: (line) => lines.push(line), clientDir });
  return { lines, request: (path: string, authorization?: string) => app.request(path, { headers: authorization ? { authorization } : {} }) };
}

describe('access control', () => {
  const env = { VIEWER_PASSWORD: PASSWORD, VIEWER_TOKEN: TOKEN };

  it.each([...PAGES, ...API])('answers 401 with a challenge and no content for %s without credentials', async (path) => {
    const response = await setup(env).request(path);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    // A refusal is an answer of the viewer's like any other: the SDKs read its request id.
    expect(response.headers.get('x-request-id')).toMatch(/^vreq_[0-9a-f]{32}$/);
    const text = await response.text();
    expect(text).not.toMatch(/conv_|<div|Demo/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers a browser opening a page without credentials with a page that says how to sign in, and its style alone allowed', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const publicSnapshots of [false, true]) {
      const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
      const { app } = createServerStack({ api, access: accessFromEnv(env), clientDir, publicSnapshots });
      for (const path of ['/', '/c/conv_68f2a91c4be08190b3d5e27a61c40f9d?source=demo', '/snapshots']) {
        const response = await app.request(path, { headers: html });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('x-viewer-sign-in-page')).toBeNull();
        const page = await response.text();
        expect(page).toContain('<h1>This viewer asks for a password</h1>');
        expect(page).not.toMatch(/conv_|<script|Demo/);
        expect(page.includes('A shared snapshot link opens without one.')).toBe(publicSnapshots);
        // Its one style block is allowed by its hash, and nothing else inline is.
        const style = /<style>([\s\S]*)<\/style>/.exec(page)![1];
        const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
        expect(response.headers.get('content-security-policy')).toContain(`style-src 'self' ${hash};`);
        expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
      }
      // The API, asked by a browser or not, answers in the API's shape.
      const apiAnswer = await app.request('/api/sources', { headers: html });
      expect(apiAnswer.status).toBe(401);
      expect(JSON.parse(await apiAnswer.text())).toMatchObject({ error: { code: 'unauthorized' } });
      expect(apiAnswer.headers.get('content-security-policy')).toContain("style-src 'self';");
    }
    // A viewer that takes only a token has no password a browser could ask for: the API's answer says what to send.
    const tokenOnly = await setup({ VIEWER_TOKEN: TOKEN }).request('/');
    expect(tokenOnly.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const refusal = await createServerStack({ api: createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples }), access: accessFromEnv({ VIEWER_TOKEN: TOKEN }), clientDir }).app.request('/', { headers: html });
    expect(refusal.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(await refusal.text())).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it.each([
    ['a wrong password', basic('anyone', 'wrong')],
    ['an empty password', basic('anyone', '')],
    ['the token as a Basic password... of another length', basic('anyone', PASSWORD.slice(1))],
    ['a wrong bearer token', 'Bearer nope'],
    ['a malformed header', 'Basic !!!'],
    ['another scheme', `Digest ${PASSWORD}`],
  ])('rejects %s', async (_, header) => {
    for (const path of [PAGES[0], API[1]]) expect((await setup(env).request(path, header)).status).toBe(401);
  });

  it.each([
    ['Basic auth with any user name', basic('whoever', PASSWORD)],
    ['the bearer token', `Bearer ${TOKEN}`],
    ['the password as a bearer token', `Bearer ${PASSWORD}`],
  ])('lets pages and API through with %s', async (_, header) => {
    const viewer = setup(env);
    for (const path of [...PAGES.slice(0, 3), ...API.slice(0, 3)]) expect((await viewer.request(path, header)).status).toBe(200);
  });

  it('checks the user name when VIEWER_USERNAME is set', async () => {
    const viewer = setup({ VIEWER_PASSWORD: PASSWORD, VIEWER_USERNAME: 'team' });
    expect((await viewer.request('/', basic('team', PASSWORD))).status).toBe(200);
    expect((await viewer.request('/', basic('other', PASSWORD))).status).toBe(401);
  });

  it('keeps the health check open', async () => {
    expect((await setup(env).request('/healthz')).status).toBe(200);
  });

  it('is off without VIEWER_PASSWORD or VIEWER_TOKEN', async () => {
    expect((await setup().request('/')).status).toBe(200);
    expect(accessFromEnv({ VIEWER_USERNAME: 'x' })).toBeNull();
  });

  it('never writes a credential to the access log', async () => {
    const viewer = setup(env);
    // Not hex, so no request id in the log can hold it by chance.
    await viewer.request('/?token=xyzzy', basic('someone', PASSWORD));
    await viewer.request(`${CONVERSATION}/items?after=secret-value&limit=1`, `Bearer ${TOKEN}`);
    await viewer.request('/', basic('someone', 'a-wrong-guess'));
    const log = viewer.lines.join('\n');
    for (const secret of [PASSWORD, TOKEN, 'a-wrong-guess', 'someone', 'secret-value', 'xyzzy', Buffer.from(`someone:${PASSWORD}`).toString('base64')]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('security headers and the access log', () => {
  it.each([...PAGES, ...API, '/healthz'])('%s carries the policy headers', async (path) => {
    const response = await setup().request(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self' https: data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets the browser keep hashed assets for good, and answers 404 for one that is gone', async () => {
    const present = await setup().request('/assets/index-abc123.js');
    expect(present.status).toBe(200);
    expect(present.headers.get('cache-control')).toContain('immutable');
    const gone = await setup().request('/assets/old-hash.js');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control') ?? '').not.toContain('immutable');
    expect(await gone.text()).not.toContain('<div id="root">');
  });

  it("asks search engines not to keep a transcript's, a snapshot's or a comparison's page; the home page they may", async () => {
    const { app } = createServerStack({ api: createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples }), access: null, clientDir });
    for (const path of ['/c/conv_68f2a91c4be08190b3d5e27a61c40f9d?source=demo', '/s/AbCdEfGhIjKlMnOpQrStUvWx', '/compare?a=conv_a&b=conv_b', '/snapshots', '/file']) {
      const response = await app.request(path);
      expect([path, response.status, response.headers.get('x-robots-tag')]).toEqual([path, 200, 'noindex, nofollow, noarchive']);
    }
    expect((await app.request('/')).headers.get('x-robots-tag')).toBeNull();
  });

  it('keeps API answers out of shared caches', async () => {
    expect((await setup().request(API[2])).headers.get('cache-control')).toBe('private, no-store');
  });

  it('logs one JSON line per request with method, path, status and duration, without query values', async () => {
    const viewer = setup();
    await viewer.request(`${CONVERSATION}/items?limit=2&after=msg_x`);
    await viewer.request('/api/nope');
    expect(viewer.lines).toHaveLength(2);
    const [first, second] = viewer.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ method: 'GET', path: `${CONVERSATION}/items`, query: ['limit', 'after'], status: 404 });
    expect(typeof first.durationMs).toBe('number');
    expect(second).toMatchObject({ path: '/api/nope', status: 404 });
    expect(viewer.lines[0]).not.toContain('msg_x');
  });

  it("logs the viewer's own request id and the upstream's, the ones the answer carries", async () => {
    const viewer = setup();
    const response = await viewer.request(CONVERSATION);
    expect(response.status).toBe(200);
    const entry = JSON.parse(viewer.lines[0]) as Record<string, unknown>;
    expect(entry.requestId).toBe(response.headers.get('x-viewer-request-id'));
    expect(entry.upstreamRequestId).toBe(response.headers.get('x-request-id'));
    expect(entry.upstreamRequestId).toMatch(/^req_[0-9a-f]{32}$/);
  });
});

describe('the built assets', () => {
  const get = (path: string, acceptEncoding?: string) => {
    const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
    const { app } = createServerStack({ api, access: null, clientDir });
    return app.request(path, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
  };
  const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

  it('are sent as brotli or gzip to a browser that takes them, and as built to one that does not', async () => {
    const br = await get('/assets/big-abc123.js', 'gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(BIG_SCRIPT);

    const gz = await get('/assets/big-abc123.js', 'gzip, deflate');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(BIG_SCRIPT);

    // As built, to a client that takes no encoding: a shared cache must not keep this copy for every browser.
    const plain = await get('/assets/big-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await bytes(plain)).toString()).toBe(BIG_SCRIPT);
  });

  it('without a compressed copy are sent as built', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip, br');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe('console.log(1)');
  });
});

describe("the API's answers", () => {
  const get = (path: string, acceptEncoding?: string) => {
    const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
    const { app } = createServerStack({ api, access: null, clientDir });
    // Not over a socket: the client's address is not known, so it counts as a client elsewhere.
    return app.request(path, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
  };
  const decoded = async (response: Response) => {
    const body = Buffer.from(await response.arrayBuffer());
    const encoding = response.headers.get('content-encoding');
    return (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString();
  };

  it.each([
    ['a page of items', `${CONVERSATION}/items?limit=50`, /^application\/json/],
    ['an export', `${CONVERSATION}/export?format=markdown`, /^text\/markdown/],
    ['the item stream', `${CONVERSATION}/stream`, /^application\/x-ndjson/],
  ])('send %s compressed to a client that takes it, the same once decoded', async (_, path, type) => {
    const plain = await get(path);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const response = await get(path, `${encoding}, deflate`);
      expect(response.headers.get('content-type')).toMatch(type);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-length')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(response.headers.get('content-security-policy')).toBe(plain.headers.get('content-security-policy'));
      const body = await decoded(response);
      // Request ids and export times differ between two answers; everything else is the same.
      const normal = (value: string) => value.replace(/(?:req|vreq)_[0-9a-f]{32}/g, 'ID').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');
      expect(normal(body)).toBe(normal(text));
    }
  });

  it('follow VIEWER_COMPRESSION: always compressed, on the loopback too, through the page lane and Hono alike; off, never', async () => {
    const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
    const always = await listen(createServerStack({ api, access: null, compression: 'always' }), '127.0.0.1', 0);
    try {
      for (const path of [`${CONVERSATION}/items?limit=50`, `${CONVERSATION}/stream`]) {
        const response = await fetch(`${always.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
        expect([path, response.headers.get('content-encoding')]).toEqual([path, 'gzip']);
        expect((await response.text()).length).toBeGreaterThan(1000);
      }
    } finally {
      await always.close();
    }
    const { app } = createServerStack({ api, access: null, compression: 'off' });
    const off = await app.request(`${CONVERSATION}/items?limit=50`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(off.headers.get('content-encoding')).toBeNull();
  });

  it('answer HEAD with the length GET has, where the answer is whole at once; an export, made as it is sent, says none', async () => {
    const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
    const viewer = await listen(createServerStack({ api, access: null }), '127.0.0.1', 0);
    const lengthOf = async (path: string, method: string) => {
      const response = await fetch(`${viewer.url}${path}`, { method });
      await response.arrayBuffer();
      return [path, method, response.status, response.headers.get('content-length')];
    };
    try {
      for (const path of ['/api/sources', '/api/demo-examples', '/healthz', `${CONVERSATION}/items?limit=2`]) {
        const asGet = await lengthOf(path, 'GET');
        expect(Number(asGet[3])).toBeGreaterThan(0);
        expect(await lengthOf(path, 'HEAD')).toEqual([path, 'HEAD', ...asGet.slice(2)]);
      }
      // Errors too: an answer that named the method asked would be a byte longer for HEAD than for GET.
      for (const path of ['/api/nope', '/api/sources/demo/conversations/conv_missing', '/api/sources/nope/conversations/conv_1/items', '/api/snapshots/snap_missing']) {
        const asGet = await lengthOf(path, 'GET');
        expect(asGet[2]).toBeGreaterThanOrEqual(400);
        expect(await lengthOf(path, 'HEAD')).toEqual([path, 'HEAD', ...asGet.slice(2)]);
      }
      const exported = `${CONVERSATION}/export?format=json`;
      expect(await lengthOf(exported, 'HEAD')).toEqual([exported, 'HEAD', 200, null]);
    } finally {
      await viewer.close();
    }
    // A body of two chunks ready at once is sent as a stream by GET (the adapter reads two chunks, and no end): HEAD
    // says no length either.
    const routes = new Hono().get('/api/two', () => {
      const chunk = new TextEncoder().encode('{"part": 1}');
      return new Response(new ReadableStream({ start: (controller) => (controller.enqueue(chunk), controller.enqueue(chunk), controller.close()) }));
    });
    // The page lane is not asked: /api/two is no page read.
    const twoChunks = Object.assign(routes, { answerPage: api.answerPage });
    const streaming = await listen(createServerStack({ api: twoChunks, access: null }), '127.0.0.1', 0);
    try {
      const [asGet, asHead] = await Promise.all(['GET', 'HEAD'].map((method) => fetch(`${streaming.url}/api/two`, { method })));
      expect([asGet.headers.get('content-length'), asHead.headers.get('content-length')]).toEqual([null, null]);
    } finally {
      await streaming.close();
    }
  });

  it('send a small answer as it is', async () => {
    const response = await get('/api/sources/demo/conversations/conv_missing', 'br, gzip');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/not found/i);
    // Hono's own JSON answers carry no length; they are measured before anything is compressed.
    for (const path of ['/api/no-such-endpoint', '/api/sources/demo/conversations']) {
      const small = await get(path, 'br, gzip');
      expect([path, small.headers.get('content-encoding')]).toEqual([path, null]);
      expect(small.headers.get('vary')).toMatch(/accept-encoding/i);
      await small.json();
    }
  });
});
