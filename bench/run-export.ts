// `npm run bench:export`: each export format over the 50,000-item agent run of bench/scale-data.mjs (time and size),
// then the HTML file opened from disk in Chromium: time to load, and the longest task while jumping to its end.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/chromium.ts';
// @ts-expect-error: a plain ES module without types, shared with bench/scale.mjs
import { generateAgentRun } from './scale-data.mjs';
import type { ExportItem, ExportMeta } from '../src/shared/export/export-document.ts';
import { countsTokens, EXPORT_FORMATS, type ExportFormat } from '../src/shared/export/export-formats.ts';
import { itemTokens, loadTokenizer } from '../src/shared/items/token-counts.ts';

const count = Number(process.argv[2] ?? 50_000);
const items = generateAgentRun(count).items as ExportItem[];
const meta: ExportMeta = {
  title: `Agent run of ${count.toLocaleString('en')} items`,
  source: { id: 'bench', label: 'Benchmark' },
  conversation: { id: 'conv_bench', object: 'conversation', created_at: 1_764_000_000 },
  exported_at: new Date().toISOString(),
};
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
// BENCH_KEEP=<dir> keeps the files there, to open by hand.
const dir = process.env.BENCH_KEEP ?? mkdtempSync(join(tmpdir(), 'viewer-bench-export-'));

console.log(`${count.toLocaleString('en')} items, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
// BENCH_OPEN=<file.html> measures only the opening of an HTML file made before.
let htmlPath = process.env.BENCH_OPEN ?? '';
// BENCH_FORMATS=html,json writes only those; BENCH_BROWSER=0 skips opening the HTML file (for profiling the writers).
const formats = (process.env.BENCH_FORMATS?.split(',') ?? Object.keys(EXPORT_FORMATS)) as ExportFormat[];
// The server loads the tokenizer once, with the first export that shows a size; its load is timed on its own.
const tokenizerStarted = performance.now();
const tokenizer = formats.some(countsTokens) && !htmlPath ? await loadTokenizer() : undefined;
const tokensOf = tokenizer ? (item: ExportItem) => itemTokens(item, tokenizer) : undefined;
if (tokensOf) console.log(`tokenizer loaded in ${((performance.now() - tokenizerStarted) / 1000).toFixed(2)} s`);
/** Each format as the server writes it; HTML also with its size estimated from length, the cost of counting beside it. */
const runs = (htmlPath ? [] : formats).flatMap((format) =>
  countsTokens(format) ? [{ format, label: format, tokensOf }, { format, label: `${format}, size from length`, tokensOf: undefined }] : [{ format, label: format, tokensOf: undefined }],
);
for (const { format, label, tokensOf: countItem } of runs) {
  const started = performance.now();
  const exporter = EXPORT_FORMATS[format].create(meta, { tokensOf: countItem });
  const chunks = [exporter.begin()];
  for (const item of items) chunks.push(exporter.item(item));
  chunks.push(exporter.end());
  const ms = performance.now() - started;
  const text = chunks.join('');
  const bytes = Buffer.byteLength(text);
  if (label !== format) {
    console.log(`${label.padEnd(9)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${mb(bytes).padStart(9)}`);
    continue;
  }
  const path = join(dir, `export.${EXPORT_FORMATS[format].extension}`);
  writeFileSync(path, text);
  if (format === 'html') htmlPath = path;
  console.log(`${format.padEnd(9)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${mb(bytes).padStart(9)}`);
}

// One long turn, as an agent run under a single user message has it: 25,000 calls, each answered with 24,000
// characters, made one at a time as a stream reads them; then 1,000 calls no output answers, each a 1 MB patch. What each writer holds meanwhile (the heap after a
// collection, ten times along the turn, the last before its end, over what it held before); Markdown holds nothing from one item to the next: the
// baseline. BENCH_TURN=0 skips it; it needs node --expose-gc.
const collect = (globalThis as { gc?: () => void }).gc;
if (!process.env.BENCH_OPEN && process.env.BENCH_TURN !== '0' && collect) {
  // The last: a run whose outputs were left out (a snapshot's), 1,000 calls never answered, each a 1 MB patch.
  for (const [format, answered] of [['markdown', true], ['otlp', true], ['otlp', false]] as const) {
    const calls = answered ? 25_000 : 1_000;
    collect();
    const before = process.memoryUsage().heapUsed;
    let held = 0;
    let written = 0;
    const started = performance.now();
    const exporter = EXPORT_FORMATS[format].create(meta);
    written += exporter.begin().length;
    written += exporter.item({ id: 'msg_turn', type: 'message', role: 'user', content: 'Fix the build.' }).length;
    for (let call = 0; call < calls; call += 1) {
      if (answered) {
        written += exporter.item({ id: `fc_${call}`, type: 'function_call', call_id: `call_${call}`, name: 'read_file', arguments: '{"path":"a.ts"}', status: 'completed' }).length;
        written += exporter.item({ id: `fco_${call}`, type: 'function_call_output', call_id: `call_${call}`, output: `${call} ${'x'.repeat(24_000)}`.slice(0, 24_000) }).length;
      } else {
        written += exporter.item({ id: `ap_${call}`, type: 'apply_patch_call', call_id: `call_${call}`, operation: `${call} ${'+'.repeat(1_000_000)}`.slice(0, 1_000_000), status: 'completed' }).length;
      }
      if (call % (calls / 10) === calls / 10 - 1) {
        collect();
        held = Math.max(held, process.memoryUsage().heapUsed - before);
      }
    }
    written += exporter.end().length;
    console.log(`one turn of ${calls.toLocaleString('en')} calls${answered ? ',' : ' (unanswered),'} ${format.padEnd(8)} ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s  ${mb(written).padStart(9)} of text, heap held at most ${mb(held)}`);
  }
}

if (process.env.BENCH_BROWSER === '0' || !htmlPath) {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
try {
  const opens: number[] = [];
  const paints: number[] = [];
  const complete: number[] = [];
  const presses: number[] = [];
  let worstJump = 0;
  for (let run = 0; run < 3; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Long tasks are recorded from the first byte; init scripts come from the browser, not the file, so its CSP allows them.
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { tasks: typeof tasks }).tasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push({ start: entry.startTime, duration: entry.duration }))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
    const shown = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
    opens.push(shown);
    paints.push(paint);
    // Only tasks that start after the key press count; one that ended the opening may be reported a little later.
    const pressed = await page.evaluate(() => performance.now());
    let press = 0;
    for (let reached = false; !reached && press < 5; ) {
      press += 1;
      await page.keyboard.press('End');
      reached = await page
        .waitForFunction(() => {
          const end = document.getElementById('end')?.getBoundingClientRect();
          return !!end && end.top < window.innerHeight && end.bottom > 0;
        }, undefined, { timeout: 3_000 })
        .then(() => true, () => false);
    }
    presses.push(press);
    await page.waitForTimeout(300);
    const jump = await page.evaluate((from) => (window as unknown as { tasks: { start: number; duration: number }[] }).tasks.filter((task) => task.start >= from).map((task) => task.duration), pressed);
    worstJump = Math.max(worstJump, 0, ...jump);
    // Rows kept as text for the viewer script (html-island.ts) are all in the page, so find-in-page reaches every item.
    complete.push(await page.evaluate(() => new Promise<number>((resolve) => {
      const check = () => (document.querySelector('.chunk > noscript') ? setTimeout(check, 50) : resolve(performance.now()));
      check();
    })));
    await page.close();
  }
  // With scripts off the browser parses every row as markup: slower, but every item reads.
  const offline = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const reader = await offline.newPage();
  await reader.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
  const offlineOpen = await reader.evaluate(() => performance.getEntriesByType('navigation')[0]?.duration ?? 0);
  await offline.close();
  const seconds = (list: number[]) => list.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ');
  console.log(`HTML opened from disk in Chromium: first contentful paint ${seconds(paints)}; whole file parsed and laid out (load event, next frame) ${seconds(opens)}`);
  console.log(`with scripts off: whole file parsed as markup (load event) ${seconds([offlineOpen])}`);
  console.log(`every row in the page (find-in-page reaches all items) after ${seconds(complete)}`);
  console.log(`jump to the end (End key, pressed ${presses.join(', ')} times until the end showed): longest task ${Math.round(worstJump)} ms${worstJump === 0 ? ' (no task over 50 ms)' : ''}`);
} finally {
  await browser.close();
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
