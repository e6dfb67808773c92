// `npm run bench:bundle`: what the built viewer sends before it is useful, in headless Chromium against the demo source.
// The home page: every script and style sheet requested until the network is idle. A transcript (the demo agent run):
// everything requested until its first row is in the page. Sizes are gzip -9 of the files in dist/client (as scale.mjs
// counts them); an API answer counts as gzip -9 of as much of its body as had arrived by then. Beside them, the JS and
// CSS as the server sent them: the precompressed copy the browser took (brotli in Chromium). Prints the figures next
// to their targets; exits 1 on a miss only with --check; --list names every file, with the packages each chunk holds
// (from dist/chunk-modules.json). Usage: npm run build && node bench/bundle.mjs [--check] [--list]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { benchLifetime, launchChromium, startViewer } from './bench-processes.mjs';

const HOME_TARGET = 90_000;
const TRANSCRIPT_TARGET = 200_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const client = join(root, 'dist/client');
const agentRun = JSON.parse(readFileSync(join(root, 'src/server/demo/conversations/agent-run.json'), 'utf8'));
const list = process.argv.includes('--list');

if (!existsSync(join(root, 'dist/server/main.js'))) throw new Error('dist/server/main.js is missing: run npm run build first.');

const { cleanups, finish } = benchLifetime(2);

// Started in an empty directory with the demo source only, so no .env of the checkout changes what is measured.
const emptyDir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
cleanups.push(() => rmSync(emptyDir, { recursive: true, force: true }));
const { url: viewerUrl } = await startViewer({ root, parentDir: emptyDir, env: { VIEWER_DEMO: 'on' }, cleanups });
const browser = await launchChromium({ cleanups });

const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** In the page before its scripts: the wall-clock time the first item row entered the DOM. */
function watchFirstRow() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-item-id]')) return;
    window.firstRowAt = performance.timeOrigin + performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Opens `path` in a fresh context, waits for `ready`, and returns the gzip size of everything requested until then
 * (until the first row entered the DOM, where `ready` sets `window.firstRowAt`).
 */
async function measure(path, ready) {
  const context = await browser.newContext();
  await context.addInitScript(watchFirstRow);
  const requested = [];
  // Workers' requests (the text index, the tokenizer) count too: the context sees them all.
  context.on('request', (request) => requested.push(request));
  const page = await context.newPage();
  // The page's own answers (the API's) arrive in pieces: what had come by the first row is what counts of them.
  const received = new Map();
  const cdp = await context.newCDPSession(page);
  let clockOffset = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    clockOffset = event.wallTime * 1000 - event.timestamp * 1000;
    received.set(event.request.url, []);
  });
  const urls = new Map();
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.dataReceived', (event) => {
    const url = urls.get(event.requestId);
    if (url) received.get(url)?.push({ at: event.timestamp * 1000 + clockOffset, bytes: event.dataLength });
  });
  await cdp.send('Network.enable');
  await page.goto(`${viewerUrl}${path}`);
  await ready(page);
  const until = await page.evaluate(() => window.firstRowAt ?? Infinity);
  const seen = requested.splice(0).filter((request) => request.timing().startTime <= until);
  const receivedBy = (url) => (received.get(url) ?? []).filter((piece) => piece.at <= until).reduce((total, piece) => total + piece.bytes, 0);
  const files = [];
  for (const request of seen) {
    const url = new URL(request.url());
    if (url.origin !== viewerUrl) continue;
    const asset = url.pathname.startsWith('/assets/') ? join(client, url.pathname) : null;
    if (asset && existsSync(asset)) {
      // As the server sent it (a precompressed copy where the browser took one; the body's bytes on the wire).
      const response = await request.response();
      const sent = response ? (await request.sizes()).responseBodySize : NaN;
      const encoding = (await response?.headerValue('content-encoding')) ?? 'none';
      files.push({ name: url.pathname.slice(1), bytes: gzipSize(readFileSync(asset)), sent, encoding, code: /\.(js|css)$/.test(url.pathname) });
      continue;
    }
    const response = await request.response();
    const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const by = until === Infinity ? body.length : Math.min(body.length, receivedBy(request.url()));
    files.push({ name: `${url.pathname}${url.search}${by < body.length ? ` (${by} of ${body.length} bytes by then)` : ''}`, bytes: gzipSize(body.subarray(0, by)), code: false });
  }
  await context.close();
  return files;
}

const home = await measure('/', async (page) => {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
});
const transcript = await measure(`/c/${agentRun.conversation.id}?source=demo`, async (page) => {
  await page.locator('[data-item-id]').first().waitFor();
  await page.waitForLoadState('networkidle');
});

await finish();

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const sum = (files) => files.reduce((total, file) => total + file.bytes, 0);
const homeCode = sum(home.filter((file) => file.code));
const transcriptAll = sum(transcript);
const sent = (files) => files.filter((file) => file.code).reduce((total, file) => total + file.sent, 0);
const encodings = (files) => [...new Set(files.filter((file) => file.code).map((file) => file.encoding))].join(', ');
const rows = [
  ['home page, first load: JS + CSS (gzip)', kb(homeCode), `≤ ${kb(HOME_TARGET)}`, homeCode <= HOME_TARGET],
  [`  as the viewer's server sent it (${encodings(home)})`, kb(sent(home)), '', null],
  [
    `transcript (demo agent run), all until its first rows (gzip; ${kb(sum(transcript.filter((file) => file.code)))} JS + CSS)`,
    kb(transcriptAll),
    `≤ ${kb(TRANSCRIPT_TARGET)}`,
    transcriptAll <= TRANSCRIPT_TARGET,
  ],
  [`  its JS + CSS as the viewer's server sent it (${encodings(transcript)})`, kb(sent(transcript)), '', null],
];
const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
for (const [label, value, target, ok] of rows) {
  console.log(`${label.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${target.padEnd(widths[2])}  ${ok === null ? '' : ok ? 'ok' : 'MISSED'}`.trimEnd());
}
if (list) {
  const chunks = JSON.parse(readFileSync(join(root, 'dist/chunk-modules.json'), 'utf8'));
  const packages = (name) => (chunks[name] ?? []).filter((module) => !module.startsWith('src/') && !module.startsWith('\0')).join(', ');
  for (const [name, files] of [['home', home], ['transcript', transcript]]) {
    console.log(`\n${name}:`);
    for (const file of [...files].sort((a, b) => b.bytes - a.bytes)) {
      const asSent = file.sent === undefined ? '' : ` (sent ${kb(file.sent)}, ${file.encoding})`;
      console.log(`  ${kb(file.bytes).padStart(9)}  ${file.name}${asSent}  ${packages(file.name)}`);
    }
  }
}
if (process.argv.includes('--check') && rows.some((row) => row[3] === false)) process.exit(1);
