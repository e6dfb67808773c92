import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiApp } from '../routes/api-routes.ts';
import { deadline } from './deadline.ts';
import { startFaultUpstream } from '../testing/fault-upstream.ts';
import { listen, type Listening } from './listen.ts';
import type { Source } from '../sources/sources.ts';
import { lagProbe } from '../testing/lag-probe.ts';

const TIMEOUT_MS = 1_500;
const gc = (globalThis as { gc?: () => void }).gc;
let upstream: Awaited<ReturnType<typeof startFaultUpstream>>;
let viewer: Listening;

beforeAll(async () => {
  upstream = await startFaultUpstream();
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: 'sk-test-gc-key-000001' };
  viewer = await listen(createApiApp({ sources: [source], timeoutMs: TIMEOUT_MS }).fetch, '127.0.0.1', 0);
});
afterAll(async () => {
  await viewer.close();
  await upstream.close();
});

/** Collects garbage every few milliseconds, with some garbage to collect, until `work` settles. */
async function underCollections<T>(work: Promise<T>): Promise<T> {
  const state = { settled: false };
  const collecting = (async () => {
    while (!state.settled) {
      Array.from({ length: 2_000 }, (_, index) => ({ index, text: `garbage ${index}` }));
      gc!();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return await work;
  } finally {
    state.settled = true;
    await collecting;
  }
}

it('runs with garbage collection exposed', () => {
  expect(gc).toBeTypeOf('function');
});

it('a deadline fires however often garbage is collected, and not once cleared', async () => {
  const outer = new AbortController();
  const limit = deadline(200, outer.signal);
  const fired = new Promise<unknown>((resolve) => limit.signal.addEventListener('abort', () => resolve(limit.signal.reason), { once: true }));
  expect(await underCollections(fired)).toMatchObject({ name: 'TimeoutError' });
  const cleared = deadline(50);
  cleared.clear();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(cleared.signal.aborted).toBe(false);
});

it.each([
  ['a stream', '/api/sources/openai/conversations/conv_fault_timeout_gc/stream'],
  ['a page of items', '/api/sources/openai/conversations/conv_fault_timeout_gc/items'],
  ['an export', '/api/sources/openai/conversations/conv_fault_timeout_gc/export?format=json'],
])('%s on a silent upstream answers 504 within the timeout while collections run', { timeout: 15_000 }, async (_what, path) => {
  const started = Date.now();
  const lag = lagProbe();
  const response = await underCollections(fetch(`${viewer.url}${path}`));
  const body = (await response.json()) as { error: { code: string } };
  lag.stop();
  expect([response.status, body.error.code]).toEqual([504, 'upstream_timeout']);
  // Within the timeout and a second of the server's own time (what a busy machine took from it is added).
  expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000 + lag.lostMs());
});
