import type { Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiApp } from '../routes/api-routes.ts';
import { listen, type Listening } from './listen.ts';
import { stalledClient } from '../testing/stalled-client.ts';
import { createServerStack } from './server-stack.ts';
import type { Source } from '../sources/sources.ts';
import { createLazyStore } from '../store/open-store.ts';
import { startBigPageUpstream } from '../testing/big-page-upstream.ts';
import { lagProbe } from '../testing/lag-probe.ts';

const TIMEOUT_MS = 2_000;
const ITEM_BYTES = 2 * 1024 * 1024;
const CONVERSATION = '/api/sources/openai/conversations/conv_big';
const store = createLazyStore({ kind: 'pglite', directory: null });
let upstream: Awaited<ReturnType<typeof startBigPageUpstream>>;
let viewer: Listening;
let snapshotId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  upstream = await startBigPageUpstream({ count: 12, itemBytes: ITEM_BYTES });
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: upstream.apiKey };
  const snapshots = { store, config: { mode: 'public' as const, location: { kind: 'pglite' as const, directory: null }, maxItems: 1000, maxBytes: 256 * 1024 * 1024, ratePerMinute: 0 } };
  // Room for about four big items in flight.
  const app = createApiApp({ sources: [source], timeoutMs: TIMEOUT_MS, maxBytesInFlight: 4 * ITEM_BYTES + 512 * 1024, snapshots });
  viewer = await listen(createServerStack({ api: app, access: null }), '127.0.0.1', 0);
  await store.get();
  // From a file, so the store's writes cannot hold up reads from the upstream past its short timeout.
  const items = Array.from({ length: 12 }, (_, index) => ({ id: `msg_${index}`, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'y'.repeat(ITEM_BYTES) }] }));
  const file = { conversation: { id: 'conv_big' }, items };
  const created = await fetch(`${viewer.url}/api/snapshots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ file }) });
  if (created.status !== 201) throw new Error(`The snapshot was not created: ${await created.text()}`);
  snapshotId = ((await created.json()) as { id: string }).id;
}, 60_000);
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await viewer.close();
  await upstream.close();
  await store.close();
});


// A download cut short by a stalled reader's turn for room is logged; here that is expected.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh page of items, retried after a 503 or 504 as the SDKs do (after `retry-after`, else a second), until it succeeds; every try is timed. */
async function freshRequest() {
  const tries: { status: number; ms: number; lostMs: number }[] = [];
  for (;;) {
    const started = Date.now();
    const lag = lagProbe();
    const response = await fetch(`${viewer.url}${CONVERSATION}/items?limit=1`);
    await response.arrayBuffer();
    lag.stop();
    tries.push({ status: response.status, ms: Date.now() - started, lostMs: lag.lostMs() });
    if ((response.status !== 503 && response.status !== 504) || tries.length > 5) return tries;
    await settle(Number(response.headers.get('retry-after') ?? 1) * 1000);
  }
}

const PATHS: [string, () => string][] = [
  ['the stream', () => `${CONVERSATION}/stream`],
  ['a page of items', () => `${CONVERSATION}/items?limit=100`],
  ['an export', () => `${CONVERSATION}/export?format=json`],
  ['a page of snapshot items', () => `/api/snapshots/${snapshotId}/items?limit=1000`],
  ['a snapshot export', () => `/api/snapshots/${snapshotId}/export?format=json`],
];

describe('HEAD requests', () => {
  it.each(PATHS)('of %s give their bytes back once answered, so the next request gets through at once', { timeout: 30_000 }, async (_what, path) => {
    // More HEADs than the budget holds answers for, one after another, their connections left open.
    for (let round = 0; round < 6; round += 1) {
      stalledClient(Number(new URL(viewer.url).port), path(), sockets, 'HEAD');
      await settle(150);
    }
    const tries = await freshRequest();
    expect(tries.map((attempt) => attempt.status)).toEqual([200]);
  });
});

describe('readers that stop reading', () => {
  it.each(PATHS)('of %s are dropped and give their bytes back, so fresh requests get through', { timeout: 30_000 }, async (_what, path) => {
    const began = Date.now();
    const lag = lagProbe();
    const stalled = Array.from({ length: 6 }, () => stalledClient(Number(new URL(viewer.url).port), path(), sockets));
    // Time for the stalled answers to start, fill the socket buffers and stop.
    await settle(TIMEOUT_MS / 2);
    const tries = await freshRequest();
    // No try waits longer than the timeout for room, and one succeeds once the stalled readers have been dropped:
    // those holding room when it came within the timeout, any let in while it waited within one more.
    // Bounds in the server's own time: what a busy machine took from this process is added.
    expect(tries.filter((attempt) => attempt.ms >= TIMEOUT_MS + 1_000 + attempt.lostMs)).toEqual([]);
    expect(tries.at(-1)!.status).toBe(200);
    lag.stop();
    expect(Date.now() - began).toBeLessThan(2 * TIMEOUT_MS + 1_000 + TIMEOUT_MS / 2 + lag.lostMs());

    await settle(2 * TIMEOUT_MS);
    const results = await Promise.all(stalled.map((client) => client.drain()));
    // Each was cut off, or had a whole answer (a page, an error, a conversation cut short by waiting) sit in the buffers.
    expect(results.every((result) => result.bytes < 12 * ITEM_BYTES)).toBe(true);
    expect(results.every((result) => result.closed || result.bytes < 3 * ITEM_BYTES)).toBe(true);
  });
});
