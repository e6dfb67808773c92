// `npm run bench:first-rows`: how soon a shared link shows its first rows, in headless Chromium against the built
// viewer's demo source, with Chromium's network emulation adding a round trip to every request (0, 50 and 150 ms).
// For a transcript link (`/c/…?source=demo`) and a snapshot link (`/s/…`) of the demo agent run: the time from
// navigation to the first item row in the page, median of five fresh loads each. Beside each, the baseline: a direct
// request for the same first data (the conversation's first page of items, the snapshot's first page) from a blank
// page of the viewer's origin at the same round trip. Loopback only; stops by itself within 3 minutes.
// Usage: npm run build && node bench/first-rows.mjs
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLifetime, launchChromium, startViewer } from './bench-processes.mjs';

const ROUND_TRIPS = [0, 50, 150];
const LOADS = 5;
const root = fileURLToPath(new URL('..', import.meta.url));
const agentRun = JSON.parse(readFileSync(join(root, 'src/server/demo/conversations/agent-run.json'), 'utf8'));
const conversationId = agentRun.conversation.id;

if (!existsSync(join(root, 'dist/server/main.js'))) throw new Error('dist/server/main.js is missing: run npm run build first.');

const { cleanups, finish } = benchLifetime(3);

// Started in an empty directory with the demo source only, so no .env of the checkout changes what is measured.
const emptyDir = mkdtempSync(join(tmpdir(), 'bench-first-rows-'));
cleanups.push(() => rmSync(emptyDir, { recursive: true, force: true }));
const { url: viewerUrl } = await startViewer({ root, parentDir: emptyDir, env: { VIEWER_DEMO: 'on' }, cleanups });

const created = await fetch(`${viewerUrl}/api/snapshots`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ source: 'demo', conversation_id: conversationId }),
});
if (created.status !== 201) throw new Error(`the snapshot was not made: ${created.status} ${await created.text()}`);
const snapshot = await created.json();

const browser = await launchChromium({ cleanups });

/** A fresh context whose page's requests each take `roundTrip` ms longer, as over a network. */
async function openPage(roundTrip) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: roundTrip, downloadThroughput: -1, uploadThroughput: -1 });
  return { context, page };
}

/** Navigation to the first item row in the page, in ms. */
async function firstRow(path, roundTrip) {
  const { context, page } = await openPage(roundTrip);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-item-id]')) return;
      window.firstRowAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${viewerUrl}${path}`);
  await page.waitForFunction(() => window.firstRowAt !== undefined, undefined, { timeout: 30_000 });
  const at = await page.evaluate(() => window.firstRowAt);
  await context.close();
  return at;
}

/** A direct request for `apiPath` from a blank page of the viewer's origin: from the request to its whole answer, in ms. */
async function directRequest(apiPath, roundTrip) {
  const { context, page } = await openPage(roundTrip);
  await page.goto(`${viewerUrl}/favicon.svg`);
  const ms = await page.evaluate(async (path) => {
    const started = performance.now();
    const response = await fetch(path);
    await response.arrayBuffer();
    return performance.now() - started;
  }, apiPath);
  await context.close();
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const links = [
  ['transcript link', `/c/${conversationId}?source=demo`, `/api/sources/demo/conversations/${conversationId}/items?limit=20`],
  ['snapshot link', `/s/${snapshot.id}`, `/api/snapshots/${snapshot.id}/items?limit=1000&from=0`],
];
const rows = [];
for (const roundTrip of ROUND_TRIPS) {
  for (const [label, path, apiPath] of links) {
    await firstRow(path, roundTrip); // warm-up: the server's caches and the browser's
    const loads = [];
    const direct = [];
    // In turn, so a busy moment on a shared machine does not land on one side only.
    for (let load = 0; load < LOADS; load += 1) {
      loads.push(await firstRow(path, roundTrip));
      direct.push(await directRequest(apiPath, roundTrip));
    }
    rows.push([`${label}, ${roundTrip} ms round trips`, median(loads), median(direct)]);
  }
}

await finish();

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`the demo agent run (${agentRun.items.length} items); first rows: median of ${LOADS} fresh loads; direct request: median of ${LOADS}`);
const widths = [Math.max(...rows.map((row) => row[0].length)), 10];
console.log(`${''.padEnd(widths[0])}  ${'first rows'.padStart(widths[1])}  ${'direct request for its first data'}`);
for (const [label, first, direct] of rows) console.log(`${label.padEnd(widths[0])}  ${s(first).padStart(widths[1])}  ${s(direct)}`);
process.exit(0);
