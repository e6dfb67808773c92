import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLazyStore } from '../src/server/store/open-store.ts';
import { startGeneratedUpstream } from '../src/server/testing/generated-upstream.ts';
import { findPostgresBin, startPostgresCluster } from '../src/server/testing/postgres-cluster.ts';
import { startSnapshotViewer } from '../src/server/testing/snapshot-viewer.ts';

const ITEMS = 50_000;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

// A child process opens the embedded store, so each start is measured in a fresh Node.js, as a viewer would start.
if (process.argv[2] === 'open-store') {
  const started = performance.now();
  const store = createLazyStore({ kind: 'pglite', directory: process.argv[3] });
  await store.get();
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 }));
  await store.close();
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'viewer-bench-store-'));
const self = fileURLToPath(import.meta.url);
const openStore = () => JSON.parse(execFileSync(process.execPath, [self, 'open-store', dir], { encoding: 'utf8' })) as { ms: number; rss: number; maxRss: number };
const cold = openStore();
const warm = openStore();
console.log(`PGlite store, new data directory (from the prepopulated one) and migrations: ${cold.ms} ms, rss ${mib(cold.rss)} (peak ${mib(cold.maxRss)})`);
console.log(`PGlite store, existing data directory:                                     ${warm.ms} ms, rss ${mib(warm.rss)} (peak ${mib(warm.maxRss)})`);

const upstream = await startGeneratedUpstream(ITEMS);

/** Creates a 50,000-item snapshot in `store` and exports it, printing the times. */
async function measure(name: string, store: ReturnType<typeof createLazyStore>) {
  await store.get();
  const viewer = await startSnapshotViewer({ upstream, store, password: false });
  const before = upstream.requests;
  const started = performance.now();
  const response = await fetch(`${viewer.url}/api/snapshots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'openai', conversation_id: upstream.conversationId }),
  });
  const snapshot = (await response.json()) as { id: string; item_count: number };
  const createMs = Math.round(performance.now() - started);
  console.log(`${name}: snapshot of ${snapshot.item_count} items from a loopback upstream (${upstream.requests - before} upstream requests): ${createMs} ms (status ${response.status})`);
  const exportStarted = performance.now();
  const exported = await (await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/export?format=json`)).text();
  console.log(`${name}: JSON export of that snapshot (${mib(exported.length)}): ${Math.round(performance.now() - exportStarted)} ms`);
  await viewer.close();
  await store.close();
  return response.status === 201 && snapshot.item_count === ITEMS;
}

let ok = await measure('PGlite', createLazyStore({ kind: 'pglite', directory: dir }));
console.log(`Process peak rss (upstream, viewer and store together): ${mib(process.resourceUsage().maxRSS * 1024)}`);
rmSync(dir, { recursive: true, force: true });

// The same on a PostgreSQL server, when its binaries are here (scripts/ensure-postgres.sh installs them).
const bin = findPostgresBin();
if (bin) {
  const cluster = await startPostgresCluster(bin);
  try {
    ok = (await measure('PostgreSQL', createLazyStore({ kind: 'postgres', url: cluster.url }))) && ok;
  } finally {
    await cluster.stop();
  }
} else {
  console.log('PostgreSQL: not measured, no server binaries (initdb, pg_ctl) found.');
}

await upstream.close();
process.exitCode = ok ? 0 : 1;
