// `npm run bench:trace`: where the page's long tasks come from while a 50,000-item run loads. One load (after a
// warm-up) of the same generated run as `bench:scale` is recorded as a Chromium trace; the script prints every task on
// the page's thread over 50 ms with its own CPU time beside its length, what ran in it, and the CPU of the busiest
// threads of every process. A task much longer than its CPU time waited for a core, not for the page's code.
// Loopback only; stops by itself and ends everything it started.
// Usage: npm run build && node bench/load-trace.mjs [items=50000] [--file]; --file traces opening the run's JSON export
// from disk instead, until its token estimate is done. BENCH_TRACE_FILE=<path> keeps the trace (open it in DevTools'
// Performance panel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLifetime, launchChromium, startScaleUpstream, startViewer, tokenEstimateShown } from './bench-processes.mjs';

const args = process.argv.slice(2);
const FILE = args.includes('--file');
const COUNT = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 50_000);
const CONVERSATION = 'conv_bench_trace';
const LONG_MS = 50;
const root = fileURLToPath(new URL('..', import.meta.url));
const { cleanups, finish } = benchLifetime(10);

const upstream = await startScaleUpstream({ count: COUNT, conversationId: CONVERSATION, cleanups });
const parentDir = mkdtempSync(join(tmpdir(), 'bench-trace-'));
cleanups.push(() => rmSync(parentDir, { recursive: true, force: true }));
const { url } = await startViewer({
  root,
  parentDir,
  env: { OPENAI_API_KEY: 'sk-bench-trace', OPENAI_BASE_URL: upstream.base, VIEWER_DEMO: 'off' },
  cleanups,
});
const browser = await launchChromium({ cleanups });
const loadAverageBefore = loadavg()[0];

// The run as the viewer's own JSON export, for --file.
let filePath = null;
if (FILE) {
  const exported = await fetch(`${url}/api/sources/openai/conversations/${CONVERSATION}/export?format=json`);
  filePath = join(parentDir, 'run.json');
  writeFileSync(filePath, Buffer.from(await exported.arrayBuffer()));
}
const expected = `${COUNT.toLocaleString('en')} items`;
/** Resolves once every item is in and, for a file, its token estimate is done. */
async function loaded(page) {
  await page.waitForFunction((text) => document.querySelector('[data-testid="item-count"]')?.textContent === text, expected, { timeout: 240_000, polling: 100 });
  if (FILE) await page.waitForFunction(tokenEstimateShown, undefined, { timeout: 240_000, polling: 100 });
}

let trace = null;
let loadMs = 0;
for (const traced of [false, true]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (FILE) {
    await page.goto(url);
    await page.locator('input[type="file"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
  }
  if (traced) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink'] });
  const started = Date.now();
  if (FILE) await page.locator('input[type="file"]').setInputFiles(filePath);
  else await page.goto(`${url}/c/${CONVERSATION}?source=openai`);
  await loaded(page);
  loadMs = Date.now() - started;
  if (traced) trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await page.close();
}
if (process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, JSON.stringify(trace));

// --- Reading the trace ------------------------------------------------------------------------------------------
const events = trace.traceEvents ?? trace;
const threadNames = new Map();
const processNames = new Map();
for (const event of events) {
  if (event.ph !== 'M') continue;
  if (event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
  if (event.name === 'process_name') processNames.set(event.pid, event.args.name);
}
const byThread = new Map();
for (const event of events) {
  if (event.ph !== 'X' || event.tdur == null) continue;
  const key = `${event.pid}:${event.tid}`;
  if (!byThread.has(key)) byThread.set(key, []);
  byThread.get(key).push(event);
}
for (const list of byThread.values()) list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
/** The outermost events of a thread (its tasks), with their wall and CPU time summed. */
const outermost = (list) => {
  const tops = [];
  let end = -1;
  for (const event of list) {
    if (event.ts < end) continue;
    tops.push(event);
    end = event.ts + event.dur;
  }
  return tops;
};
// The page's thread: the renderer main thread that ran the page's script.
const pageKey = [...byThread.keys()]
  .filter((key) => threadNames.get(key) === 'CrRendererMain')
  .sort((a, b) => byThread.get(b).filter((event) => event.name === 'FunctionCall').length - byThread.get(a).filter((event) => event.name === 'FunctionCall').length)[0];
const pageEvents = byThread.get(pageKey);
const pageTasks = outermost(pageEvents);
const start = pageTasks[0]?.ts ?? 0;
const long = pageTasks.filter((task) => task.dur > LONG_MS * 1000);
const ms = (microseconds) => `${Math.round(microseconds / 1000)} ms`;
const inside = (task) => {
  const names = [];
  for (const event of pageEvents) {
    if (event.ts < task.ts || event.ts + event.dur > task.ts + task.dur || event.dur < 2000 || /RunTask$/.test(event.name)) continue;
    if (!names.includes(event.name)) names.push(event.name);
    if (names.length === 4) break;
  }
  return names.join(', ') || '(nothing over 2 ms)';
};

console.log(`${COUNT.toLocaleString('en')} items, ${FILE ? 'opened as a JSON file until the token estimate was done' : 'loaded'} in ${(loadMs / 1000).toFixed(2)} s while traced (tracing slows it)`);
console.log(`machine: ${availableParallelism()} cores, load average ${loadAverageBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
console.log(`\nthe page's thread: ${long.length} tasks over ${LONG_MS} ms; each task's length, its own CPU time, and what ran in it:`);
for (const task of long) {
  console.log(`  at ${ms(task.ts - start).padStart(8)}: ${ms(task.dur).padStart(7)} long, ${ms(task.tdur).padStart(6)} of CPU  ${inside(task)}`);
}
const cpuOver = long.filter((task) => task.tdur > LONG_MS * 1000);
const longestCpu = Math.max(0, ...pageTasks.map((task) => task.tdur));
console.log(`  tasks with over ${LONG_MS} ms of their own CPU: ${cpuOver.length}; the most CPU any task took: ${ms(longestCpu)}`);
const sum = (list, field) => list.reduce((total, event) => total + event[field], 0);
console.log(`  all its tasks: ${ms(sum(pageTasks, 'dur'))} long, ${ms(sum(pageTasks, 'tdur'))} of CPU`);

console.log('\nCPU of the busiest threads (all processes of the browser; the viewer server and the upstream are not traced):');
const threads = [...byThread].map(([key, list]) => {
  const tops = outermost(list);
  return { key, cpu: sum(tops, 'tdur'), wall: sum(tops, 'dur') };
});
threads.sort((a, b) => b.cpu - a.cpu);
for (const { key, cpu, wall } of threads.slice(0, 8)) {
  const label = `${processNames.get(Number(key.split(':')[0])) ?? '?'} ${threadNames.get(key) ?? '?'}${key === pageKey ? ' (the page)' : ''}`;
  console.log(`  ${ms(cpu).padStart(8)} of CPU in ${ms(wall).padStart(8)} of tasks  ${label}`);
}
await finish();
