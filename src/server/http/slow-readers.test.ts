import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiApp, type ApiApp } from '../routes/api-routes.ts';
import { createServerStack } from './server-stack.ts';
import { listen, type Listening } from './listen.ts';
import { stalledClient } from '../testing/stalled-client.ts';
import type { Source } from '../sources/sources.ts';

const demo: Source = { id: 'demo', label: 'Demo', kind: 'demo', baseUrl: 'http://upstream.test/v1', apiKey: 'k' };
const PAGE_BYTES = 8 * 1024 * 1024;
const ITEMS = '/api/sources/demo/conversations/conv_big/items';
const TIMEOUT_MS = 800;

/** One 8 MB page: more than the socket buffers (here up to about 4 MB) between a client that does not read and the server. */
const page = JSON.stringify({
  object: 'list',
  data: [{ id: 'msg_1', type: 'message', content: [{ type: 'input_text', text: 'x'.repeat(PAGE_BYTES) }] }],
  has_more: false,
});
const fakeFetch = (async () => new Response(page, { headers: { 'content-type': 'application/json' } })) as typeof fetch;

let viewer: Listening | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await viewer?.close();
});


async function status(url: string) {
  const response = await fetch(url);
  await response.arrayBuffer();
  const body = response.status === 200 ? null : ((await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null);
  return { status: response.status, code: body?.error?.code ?? null };
}

// Production serves page reads through the server stack's Node lane; Hono's own routes serve the same relay elsewhere.
const servers: [string, (app: ApiApp) => Promise<Listening>][] = [
  ['the server stack', (app) => listen(createServerStack({ api: app, access: null }), '127.0.0.1', 0)],
  ["the API app's routes", (app) => listen(app.fetch, '127.0.0.1', 0)],
];

describe.each(servers)('clients that read slowly or not at all, through %s', (_, serve) => {
  it('hold their bytes until written: others wait, then get 503 viewer_busy; stalled clients are dropped', { timeout: 20_000 }, async () => {
    const app = createApiApp({ sources: [demo], fetch: fakeFetch, timeoutMs: TIMEOUT_MS, maxBytesInFlight: 12 * 1024 * 1024 });
    viewer = await serve(app);
    const port = Number(new URL(viewer.url).port);

    const stalled = [stalledClient(port, ITEMS, sockets), stalledClient(port, ITEMS, sockets)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The stalled answers hold the budget, so a reader that would read gets turned away after the timeout.
    const started = Date.now();
    await fetch(`${viewer.url}${ITEMS}`).then(async (response) => {
      await response.arrayBuffer();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 400);

    // A client that takes nothing for the timeout is dropped, and the budget comes back.
    await new Promise((resolve) => setTimeout(resolve, 2 * TIMEOUT_MS));
    // The first got its answer started and was cut off; the second waited for room (and got 503) or was cut off too.
    const [first, second] = await Promise.all(stalled.map((client) => client.drain()));
    expect(first.closed).toBe(true);
    expect(first.bytes).toBeGreaterThan(0);
    expect(first.bytes).toBeLessThan(PAGE_BYTES);
    expect(second.bytes).toBeLessThan(PAGE_BYTES);
    expect(await status(`${viewer.url}${ITEMS}`)).toEqual({ status: 200, code: null });
  });

  it('serve readers that keep reading, however many, within the budget', { timeout: 20_000 }, async () => {
    const app = createApiApp({ sources: [demo], fetch: fakeFetch, timeoutMs: 5_000, maxBytesInFlight: 20 * 1024 * 1024 });
    viewer = await serve(app);
    const results = await Promise.all(Array.from({ length: 6 }, () => status(`${viewer!.url}${ITEMS}`)));
    expect(results.every((result) => result.status === 200)).toBe(true);
  });

  it('give back the bytes of small answers once written, so a small budget serves any number of them in turn', { timeout: 20_000 }, async () => {
    const small = JSON.stringify({ object: 'list', data: [{ id: 'msg_1', type: 'message', content: 'hello' }], first_id: 'msg_1', last_id: 'msg_1', has_more: false });
    const smallFetch = (async () => new Response(small, { headers: { 'content-type': 'application/json' } })) as typeof fetch;
    // Room for about ten such answers at once: fifty in a row pass only if each one's bytes come back.
    const app = createApiApp({ sources: [demo], fetch: smallFetch, timeoutMs: 5_000, maxBytesInFlight: small.length * 10 });
    viewer = await serve(app);
    for (let request = 0; request < 50; request += 1) expect(await status(`${viewer.url}${ITEMS}`)).toEqual({ status: 200, code: null });
  });
});
