// `npm run bench:scale`: a generated 50,000-item agent run on a loopback upstream, paged through by the official
// `openai` SDK and loaded by the built viewer in headless Chromium, at 0 ms and then 50 ms per upstream request, and
// over an emulated 50 Mbit/s link with the stream as it is and compressed. Prints the figures next to their targets, with a floor for the browser (an empty page that only fetches and parses
// the stream). Loopback only; stops by itself and ends everything it started.
// Usage: npm run build && node bench/scale.mjs [items=50000]; BENCH_STREAM_ONLY=1 measures the server's stream alone.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import OpenAI from 'openai';
import { launchBareChromium } from './bare-chromium.mjs';
import { launchChromium, startScaleUpstream, startViewer, tokenEstimateShown } from './bench-processes.mjs';

const COUNT = Number(process.argv[2] ?? 50_000);
const CONVERSATION = 'conv_bench_scale';
const LATENCY_MS = 50;
const LINK_MBIT = 50;
const ROUNDS = 3;
const DEADLINE_MS = 15 * 60_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const expectedCount = `${COUNT.toLocaleString('en')} items`;
// BENCH_PROFILE=<dir> also records a CPU profile of each browser phase (open them in DevTools' Performance panel)
// and prints the functions that took the most time in each.
const PROFILE_DIR = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : null;

for (const built of ['dist/server/main.js', 'dist/client/index.html']) {
  if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first (npm run bench:scale does).`);
}

// Everything this run starts, ended in reverse order by stopAll, also on the deadline and on Ctrl+C.
const cleanups = [];
const stopAll = async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve().then(cleanup).catch(() => {});
};
const deadline = setTimeout(async () => {
  console.error(`bench: gave up after ${DEADLINE_MS / 60_000} minutes`);
  await stopAll();
  process.exit(1);
}, DEADLINE_MS);
process.once('SIGINT', async () => {
  await stopAll();
  process.exit(130);
});
// A step that fails ends the run, and what it started with it (a viewer server would otherwise outlive it).
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.once(event, async (error) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  });
}

// --- The upstream, in a worker thread --------------------------------------------------------------------------
const { worker: upstream, ready: run } = await startScaleUpstream({ count: COUNT, conversationId: CONVERSATION, cleanups });
const fromUpstream = (type) => new Promise((resolve) => {
  const listener = (message) => {
    if (message.type !== type) return;
    upstream.off('message', listener);
    resolve(message);
  };
  upstream.on('message', listener);
});
const upstreamBase = `http://127.0.0.1:${run.port}/v1`;
const setLatency = async (ms) => {
  const acknowledged = fromUpstream('latency');
  upstream.postMessage({ type: 'latency', ms });
  await acknowledged;
};

// --- The built viewer, pointed at it ---------------------------------------------------------------------------
// Started in an empty directory, so no .env of the checkout changes what is measured.
const emptyDir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
cleanups.push(() => rmSync(emptyDir, { recursive: true, force: true }));
/** The built viewer pointed at the upstream, with `env` added to its settings; resolves its process and its URL. */
const startScaleViewer = (env = {}) =>
  startViewer({
    root,
    parentDir: emptyDir,
    env: { OPENAI_API_KEY: 'sk-bench-scale', OPENAI_BASE_URL: upstreamBase, VIEWER_DEMO: 'off', ...env },
    cleanups,
  });
const { child: viewer, url: viewerUrl } = await startScaleViewer();

// --- The SDK, paging directly against the upstream -------------------------------------------------------------
const sdk = new OpenAI({ apiKey: 'sk-bench-scale', baseURL: upstreamBase, maxRetries: 0 });
async function sdkPaging() {
  const started = performance.now();
  let count = 0;
  for await (const item of sdk.conversations.items.list(CONVERSATION, { order: 'asc', limit: 100 })) {
    if (item.id) count += 1;
  }
  if (count !== COUNT) throw new Error(`the SDK listed ${count} items, not ${COUNT}`);
  return performance.now() - started;
}
/** The viewer server's NDJSON stream read by Node, no browser: what the load costs before any rendering. */
async function serverStream() {
  const started = performance.now();
  const response = await fetch(`${viewerUrl}/api/sources/openai/conversations/${CONVERSATION}/stream`);
  if (!response.ok) throw new Error(`the stream answered ${response.status}`);
  let count = 0;
  let rest = '';
  let last = null;
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines.filter(Boolean)) {
      last = JSON.parse(line);
      if (last.type === 'items') count += last.items.length;
    }
  }
  if (last?.type !== 'done' || count !== COUNT) throw new Error(`the stream ended with ${JSON.stringify(last)?.slice(0, 200)} after ${count} items`);
  return performance.now() - started;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// --- The browser ------------------------------------------------------------------------------------------------
// BENCH_STREAM_ONLY=1: only the viewer server's stream, read by Node (no browser): a warm-up, then three rounds.
if (process.env.BENCH_STREAM_ONLY) {
  await serverStream();
  const times = [];
  for (let round = 0; round < 3; round += 1) times.push(await serverStream());
  times.sort((a, b) => a - b);
  const sdk = await sdkPaging();
  const s2 = (ms) => (ms / 1000).toFixed(2);
  console.log(`viewer server stream alone, no browser: ${s2(times[1])} s (median of 3, ${s2(times[0])}–${s2(times[2])}); SDK paging ${s2(sdk)} s`);
  clearTimeout(deadline);
  await stopAll();
  process.exit(0);
}
const browser = await launchChromium({ cleanups, extraArgs: ['--enable-precise-memory-info'] });

/**
 * Runs in the page before its own scripts: records long tasks and long animation frames (with the scripts that
 * made them), and, once per frame, when the first item showed, when the count read complete, and when the item of
 * `#hash` (or the watched search match) stood in the viewport.
 */
function instrument({ expectedCount }) {
  const bench = { firstItem: null, complete: null, linkInView: null, longTasks: [], frames: [], maxRows: 0, watch: null, lastInput: null };
  window.bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          blocking: entry.blockingDuration,
          render: entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0,
          scripts: entry.scripts.map((script) => ({
            invoker: script.invoker,
            name: script.sourceFunctionName,
            url: script.sourceURL,
            position: script.sourceCharPosition,
            duration: script.duration,
            layout: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames are newer than long tasks; the long tasks still count.
  }
  document.addEventListener('input', () => (bench.lastInput = performance.now()), true);
  const inView = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  };
  const hash = decodeURIComponent(location.hash.slice(1));
  const check = () => {
    const now = performance.now();
    if (bench.firstItem === null && document.querySelector('article[data-item-id]')) bench.firstItem = now;
    if (bench.complete === null && document.querySelector('[data-testid="item-count"]')?.textContent === expectedCount) bench.complete = now;
    if (hash && bench.linkInView === null) {
      const article = document.querySelector(`article[data-item-id="${CSS.escape(hash)}"]`);
      if (article?.classList.contains('item-highlight') && inView(article)) bench.linkInView = now;
    }
    const watch = bench.watch;
    if (watch && watch.inView === null) {
      const counted = document.querySelector('[data-testid="match-count"]')?.textContent ?? '';
      if (watch.counts.includes(counted) && inView(document.querySelector(`article[data-item-id="${watch.itemId}"]`))) watch.inView = now;
    }
    bench.maxRows = Math.max(bench.maxRows, document.querySelectorAll('li[data-view-index]').length);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const hotspots = [];

async function startProfile(cdp) {
  if (!PROFILE_DIR) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

/** Saves the phase's profile and keeps its heaviest functions by self time for the report. */
async function stopProfile(cdp, label) {
  if (!PROFILE_DIR) return;
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, `${label.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(profile));
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    const where = frame.url ? ` ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
  const top = [...self].filter(([key]) => key !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 8);
  hotspots.push({ label, top });
  await cdp.send('Profiler.start');
}

/**
 * CPU time used so far (ms), from /proc (Linux; null elsewhere): the viewer server's process, the browser's processes
 * (every process started by this script but the server), and this script itself (the upstream's worker thread, the
 * SDK, Playwright). The load shares the machine's cores among all three, as the SDK's paging shares them with nothing.
 */
function cpuNow() {
  if (process.platform !== 'linux') return null;
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { parent: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticksPerMs });
    } catch {
      // The process ended while it was read.
    }
  }
  const under = (root) => {
    let total = 0;
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop();
      for (const [child, stat] of stats) if (stat.parent === pid && child !== viewer.pid) (total += stat.cpu), stack.push(child);
    }
    return total;
  };
  const self = process.cpuUsage();
  return { server: stats.get(viewer.pid)?.cpu ?? NaN, browser: under(process.pid), bench: (self.user + self.system) / 1000 };
}

async function openViewer(hash = '', { base = viewerUrl, bytesPerSecond = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (bytesPerSecond > 0) {
    // Chromium's own network emulation: the page's requests share this much bandwidth each way.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 10, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  }
  await page.addInitScript(instrument, { expectedCount });
  await startProfile(cdp);
  // The page's own counters: ThreadTime is its main thread's CPU time, TaskDuration the time its tasks took.
  await cdp.send('Performance.enable');
  await page.goto(`${base}/c/${CONVERSATION}?source=openai${hash}`);
  return { context, page, cdp };
}

/**
 * The floor for the browser: the same stream fetched, decoded and parsed line by line by a page that does nothing
 * else (no app, no rendering), on the viewer's origin. A warm-up, then the median of three.
 */
async function browserFloor() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${viewerUrl}/favicon.svg`);
  const times = [];
  const cpu = [];
  for (let round = 0; round < 4; round += 1) {
    const cpuBefore = cpuNow();
    const [ms, count] = await page.evaluate(async (conversation) => {
      const started = performance.now();
      const response = await fetch(`/api/sources/openai/conversations/${conversation}/stream`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let rest = '';
      let count = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const lines = (rest + value).split('\n');
        rest = lines.pop();
        for (const line of lines) {
          const event = line ? JSON.parse(line) : null;
          if (event?.type === 'items') count += event.items.length;
        }
      }
      return [performance.now() - started, count];
    }, CONVERSATION);
    const cpuAfter = cpuNow();
    if (count !== COUNT) throw new Error(`the floor's page read ${count} items, not ${COUNT}`);
    if (round > 0) times.push(ms);
    // Every process's CPU for the floor's load: the least any page reading this stream through the server costs.
    if (round > 0 && cpuAfter) cpu.push(cpuAfter.server - cpuBefore.server + (cpuAfter.browser - cpuBefore.browser) + (cpuAfter.bench - cpuBefore.bench));
  }
  await context.close();
  return { ms: median(times), cpu: cpu.length > 0 ? median(cpu) : NaN };
}

const waitFor = (page, condition, timeout = 240_000) => page.waitForFunction(condition, undefined, { timeout, polling: 100 });

/**
 * The longest long task (and the long animation frames, with their scripts) that started from `since` (and before
 * `until`), on the page's clock.
 */
async function longTasksSince(page, since, until = Infinity) {
  return page.evaluate(([from, to]) => {
    const within = (entry) => entry.start >= from && entry.start < (to ?? Infinity);
    const tasks = window.bench.longTasks.filter(within);
    const frames = window.bench.frames.filter(within).sort((a, b) => b.duration - a.duration);
    return { count: tasks.length, longest: Math.max(0, ...tasks.map((task) => task.duration)), longestFrame: frames[0]?.duration ?? 0, frames: frames.slice(0, 5) };
  }, [since, Number.isFinite(until) ? until : null]);
}

/** Resolves once the run summary shows the whole run's token estimate (not one still counting). */
const tokenEstimateDone = (page) => waitFor(page, tokenEstimateShown);

const now = (page) => page.evaluate(() => performance.now());
const frame = (page, frames = 2) => page.evaluate(async (count) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}, frames);

const progress = (message) => process.stderr.write(`bench: ${message}\n`);

/** Loads of the run as a reader's browser loads it (see below), the SDK paging before each: a warm-up, then ROUNDS. */
async function readerRounds(bare, count = ROUNDS) {
  progress(`round 1 of ${count} as a reader's browser (no DevTools network recording), beside the SDK`);
  const rounds = [];
  for (let round = -1; round < count; round += 1) {
    if (round > 0) progress(`round ${round + 1} of ${count} as a reader's browser, beside the SDK`);
    const sdkTime = await sdkPaging();
    const page = await bare.newPage({ script: `(${instrument.toString()})(${JSON.stringify({ expectedCount })})` });
    await page.goto(`${viewerUrl}/c/${CONVERSATION}?source=openai`);
    await page.waitFor('window.bench?.complete != null');
    const measured = await page.evaluate(`(() => {
      const { firstItem, complete, longTasks } = window.bench;
      const over = longTasks.filter((task) => task.duration > 50);
      return { firstItem, complete, longest: Math.max(0, ...longTasks.map((task) => task.duration)), over: over.length };
    })()`);
    await page.close();
    // The first round warms the browser up (its processes, the code cache), as the SDK's warm-up does.
    if (round >= 0) rounds.push({ sdk: sdkTime, ...measured });
  }
  return rounds;
}

// BENCH_READER_ONLY=1: only the loads as a reader's browser, each round printed (for comparing two builds in turn);
// BENCH_ROUNDS=<n> after the warm-up (3 unless given).
if (process.env.BENCH_READER_ONLY) {
  const bare = await launchBareChromium({ cleanups });
  if (!bare) throw new Error('a reader\'s browser needs a WebSocket: run Node 20 with --experimental-websocket');
  for (const round of await readerRounds(bare, Number(process.env.BENCH_ROUNDS ?? ROUNDS))) {
    console.log(`SDK ${(round.sdk / 1000).toFixed(2)} s · first item ${(round.firstItem / 1000).toFixed(2)} s · all items ${(round.complete / 1000).toFixed(2)} s = ${(round.complete / round.sdk).toFixed(2)}× SDK · longest task ${Math.round(round.longest)} ms (${round.over} over 50 ms)`);
  }
  clearTimeout(deadline);
  await stopAll();
  process.exit(0);
}

// --- 0 ms --------------------------------------------------------------------------------------------------------
const figures = {};
const loadBefore = loadavg()[0];
await sdkPaging(); // warm-up: connections and JIT
// Three rounds, the SDK and the viewer in turn, so a busy moment on a shared machine does not land on one side only.
const rounds = [];
let first;
for (let round = 0; round < ROUNDS; round += 1) {
  progress(`round ${round + 1} of ${ROUNDS} at 0 ms: SDK paging, then the viewer's load`);
  const cpuSdkBefore = cpuNow();
  const sdkTime = await sdkPaging();
  const cpuBefore = cpuNow();
  const opened = await openViewer();
  await waitFor(opened.page, () => window.bench.complete !== null);
  const cpuAfter = cpuNow();
  const metrics = Object.fromEntries((await opened.cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value * 1000]));
  rounds.push({
    sdk: sdkTime,
    // The SDK's paging: this script's CPU (the SDK, and the upstream in its worker thread).
    cpuSdk: cpuBefore ? cpuBefore.bench - cpuSdkBefore.bench : NaN,
    // Up to the poll that saw the load complete (at most 100 ms late): the CPU each side used meanwhile.
    cpuServer: cpuAfter ? cpuAfter.server - cpuBefore.server : NaN,
    cpuBrowser: cpuAfter ? cpuAfter.browser - cpuBefore.browser : NaN,
    cpuBench: cpuAfter ? cpuAfter.bench - cpuBefore.bench : NaN,
    pageThread: metrics.ThreadTime ?? NaN,
    pageTasks: metrics.TaskDuration ?? NaN,
    ...(await opened.page.evaluate(() => {
      // The item stream's own timing: when the page asked for it and when its last byte was in.
      const stream = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname.endsWith('/stream'));
      const { firstItem, complete } = window.bench;
      return { firstItem, complete, streamStart: stream?.startTime ?? NaN, streamEnd: stream?.responseEnd ?? NaN, fromRequest: complete - (stream?.startTime ?? NaN) };
    })),
  });
  if (round < ROUNDS - 1) await opened.context.close();
  else first = opened;
}
for (const key of ['sdk', 'cpuSdk', 'firstItem', 'complete', 'streamStart', 'streamEnd', 'fromRequest', 'cpuServer', 'cpuBrowser', 'cpuBench', 'pageThread', 'pageTasks']) {
  const values = rounds.map((round) => round[key]);
  figures[key === 'sdk' ? 'sdk0' : key] = median(values);
  figures[`${key}Range`] = [Math.min(...values), Math.max(...values)];
}

{
  // The last round's page: its tasks until all items were in, then those until the token estimate was done (counting
  // starts once loading ends), before anything else runs on the machine.
  const { page, cdp } = first;
  await tokenEstimateDone(page);
  const [complete, tokensDone] = await page.evaluate(() => [window.bench.complete, performance.now()]);
  await stopProfile(cdp, 'load');
  figures.loadTasks = await longTasksSince(page, 0, complete);
  figures.afterLoadTasks = await longTasksSince(page, complete, tokensDone);
  figures.afterLoadTokens = tokensDone - complete;
}
figures.stream0 = await serverStream();
({ ms: figures.browserFloor, cpu: figures.floorCpu } = await browserFloor());
progress('scrolling and search');
{
  const { page, cdp } = first;
  await frame(page, 10);
  figures.rowsAfterLoad = await page.locator('ol[aria-label="Conversation items"] > li[data-view-index]').count();
  figures.elementsAfterLoad = await page.evaluate(() => document.getElementsByTagName('*').length);

  figures.heapAfterLoad = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.send('HeapProfiler.collectGarbage');
  figures.heapAfterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;

  // Scrolling end to end: jumps through the whole list in 400 steps (every step lands on rows never rendered),
  // then reading-speed wheel turns near the end; one settled frame between steps.
  await page.evaluate(() => window.scrollTo(0, 0));
  await frame(page, 10);
  let since = await now(page);
  await page.evaluate(async () => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let step = 1; step <= 400; step += 1) {
      window.scrollTo(0, Math.round(((document.documentElement.scrollHeight - window.innerHeight) * step) / 400));
      await nextFrame();
      await nextFrame();
    }
  });
  figures.scrollJumps = await longTasksSince(page, since);
  await stopProfile(cdp, 'scroll jumps');
  await page.mouse.move(640, 500);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.8));
  await frame(page, 10);
  since = await now(page);
  for (let step = 0; step < 150; step += 1) {
    await page.mouse.wheel(0, 600);
    await frame(page, 1);
  }
  figures.scrollWheel = await longTasksSince(page, since);
  await stopProfile(cdp, 'wheel');
  figures.maxRows = await page.evaluate(() => window.bench.maxRows);

  // Typing a search word char by char from the top; its only match is ~90% of the way down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await frame(page, 10);
  const search = page.locator('input[data-transcript-search]');
  await search.click();
  await frame(page, 5);
  since = await now(page);
  await page.evaluate(({ itemId }) => {
    window.bench.watch = { itemId, counts: ['1 match', '1 of 1'], inView: null };
  }, run.needle);
  await search.pressSequentially(run.needle.word, { delay: 120 });
  await waitFor(page, () => window.bench.watch.inView !== null, 30_000);
  await page.waitForTimeout(300);
  figures.matchInView = await page.evaluate(() => window.bench.watch.inView - window.bench.lastInput);
  figures.typing = await longTasksSince(page, since);
  await stopProfile(cdp, 'typing');
  await first.context.close();
}

// --- As a reader's browser loads it ------------------------------------------------------------------------------
// Playwright turns on DevTools' network recording for its pages: Chromium then keeps a copy of every response (the
// whole item stream, copied and decoded on the page's thread as it ends) and reports each request. A Chromium driven
// over its DevTools protocol without it loads the run as a reader's browser does; the SDK pages beside it, in turn.
const bare = await launchBareChromium({ cleanups });
const bareRounds = bare ? await readerRounds(bare) : [];
if (bare) {
  for (const key of ['sdk', 'firstItem', 'complete', 'longest', 'over']) figures[`bare_${key}`] = median(bareRounds.map((round) => round[key]));
  figures.bareRange = [Math.min(...bareRounds.map((round) => round.complete)), Math.max(...bareRounds.map((round) => round.complete))];
  figures.bareLongest = bareRounds.map((round) => Math.round(round.longest));
}

// --- The same run as a file: the viewer's own JSON export, opened from disk ----------------------------------------
progress('the run as a JSON file');
{
  const exported = await fetch(`${viewerUrl}/api/sources/openai/conversations/${CONVERSATION}/export?format=json`);
  const directory = mkdtempSync(join(tmpdir(), 'bench-file-'));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  const path = join(directory, 'run.json');
  writeFileSync(path, Buffer.from(await exported.arrayBuffer()));
  figures.fileBytes = readFileSync(path).length;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(instrument, { expectedCount });
  await page.goto(viewerUrl);
  await page.locator('input[type="file"]').waitFor({ state: 'attached' });
  await frame(page, 5);
  const since = await now(page);
  await page.locator('input[type="file"]').setInputFiles(path);
  await waitFor(page, () => window.bench.complete !== null);
  await tokenEstimateDone(page);
  const tokensDone = await now(page);
  Object.assign(figures, await page.evaluate((from) => ({ fileFirstItem: window.bench.firstItem - from, fileComplete: window.bench.complete - from }), since));
  figures.fileTokens = tokensDone - since;
  figures.fileTasks = await longTasksSince(page, since);
  await context.close();
}

// --- Over a slower link ------------------------------------------------------------------------------------------------
// The API's answers go compressed to a client elsewhere (VIEWER_COMPRESSION=auto), not to one on the loopback, as this
// benchmark's browser is. A second viewer with VIEWER_COMPRESSION=always stands in for one reached over a network;
// Chromium's network emulation makes the link 50 Mbit/s for both. Loopback only, as everything here.
progress('over a 50 Mbit/s link, the stream as it is and compressed');
{
  const compressing = await startScaleViewer({ VIEWER_COMPRESSION: 'always' });
  const bytesPerSecond = LINK_MBIT * 125_000;
  for (const [key, base] of [['linkPlain', viewerUrl], ['linkCompressed', compressing.url]]) {
    const { context, page } = await openViewer('', { base, bytesPerSecond });
    await waitFor(page, () => window.bench.complete !== null);
    figures[key] = await page.evaluate(() => window.bench.complete);
    figures[`${key}Bytes`] = await page.evaluate(() => performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname.endsWith('/stream'))?.encodedBodySize ?? NaN);
    figures[`${key}Encoding`] = await page.evaluate(async () => {
      const entry = performance.getEntriesByType('resource').find((each) => new URL(each.name).pathname.endsWith('/stream'));
      return entry && entry.encodedBodySize < entry.decodedBodySize ? 'compressed' : 'as it is';
    });
    await context.close();
  }
  compressing.child.kill('SIGTERM');
}

// --- 50 ms per upstream request ------------------------------------------------------------------------------------
await setLatency(LATENCY_MS);
progress(`SDK paging and viewer at ${LATENCY_MS} ms`);
figures.sdk50 = await sdkPaging();
figures.stream50 = await serverStream();
{
  const { context, page } = await openViewer();
  await waitFor(page, () => window.bench.complete !== null);
  Object.assign(figures, await page.evaluate(() => ({ firstItem50: window.bench.firstItem, complete50: window.bench.complete })));
  await context.close();
}
{
  const { context, page } = await openViewer(`#${run.lastId}`);
  await waitFor(page, () => window.bench.linkInView !== null);
  figures.lastLink50 = await page.evaluate(() => window.bench.linkInView);
  await context.close();
}
await setLatency(0);

// --- Entry size: what index.html references directly (the home page's and a transcript's first loads, chunks fetched
// after the entry included: npm run bench:bundle) ------------------------------------------------------------------
const html = readFileSync(join(root, 'dist/client/index.html'), 'utf8');
// With the app's start, which the served page names beside the entry for every path (src/server/http/page-shell.ts).
const appStart = JSON.parse(readFileSync(join(root, 'dist/page-preloads.json'), 'utf8'))['src/app/start-app.tsx'] ?? [];
const firstLoad = [...new Set([...[...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]), ...appStart])];
const firstLoadBytes = firstLoad.reduce((sum, file) => sum + gzipSync(readFileSync(join(root, 'dist/client', file)), { level: 9 }).length, 0);

clearTimeout(deadline);
await stopAll();

// --- Report --------------------------------------------------------------------------------------------------------
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const range = ([low, high]) => `(${(low / 1000).toFixed(2)}–${(high / 1000).toFixed(2)})`;
const ms = (value) => `${Math.round(value)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
// A long animation frame is the task plus the style, layout and paint after it: what the reader sees as a stutter.
const tasks = ({ longest, longestFrame, count }) => `${ms(longest)}, frame ${ms(longestFrame)} (${count} tasks over 50 ms)`;
const rows = [
  [`SDK paging, 0 ms (median of ${ROUNDS}, range)`, `${s(figures.sdk0)} ${range(figures.sdkRange)}`, '', ''],
  ['  its CPU (the SDK and the upstream)', s(figures.cpuSdk), '', ''],
  ['viewer server stream alone, no browser', `${s(figures.stream0)} = ${(figures.stream0 / figures.sdk0).toFixed(2)}× SDK`, '', ''],
  ['viewer: first item shown', `${s(figures.firstItem)} ${range(figures.firstItemRange)}`, '', ''],
  ['viewer: all items loaded (in Playwright, which records the network)', `${s(figures.complete)} ${range(figures.completeRange)} = ${(figures.complete / figures.sdk0).toFixed(2)}× SDK`, '≤ 1.5× SDK', verdict(figures.complete <= 1.5 * figures.sdk0)],
  ['browser alone: the stream fetched and parsed by an empty page (median of 3)', `${s(figures.browserFloor)} = ${(figures.browserFloor / figures.sdk0).toFixed(2)}× SDK`, '', ''],
  ['viewer: item stream requested / last byte in (after navigation)', `${s(figures.streamStart)} / ${s(figures.streamEnd)}`, '', ''],
  [
    `CPU while loading (median; ${availableParallelism()} cores): viewer server / browser, all processes / upstream and bench`,
    `${s(figures.cpuServer)} / ${s(figures.cpuBrowser)} / ${s(figures.cpuBench)}`,
    '',
    '',
  ],
  [
    `  the empty page's load: CPU of all processes / that CPU spread over ${availableParallelism()} cores`,
    `${s(figures.floorCpu)} / ${s(figures.floorCpu / availableParallelism())} = ${(figures.floorCpu / availableParallelism() / figures.sdk0).toFixed(2)}× SDK`,
    '',
    '',
  ],
  ["  the page's thread: busy (its tasks) / on a core", `${s(figures.pageTasks)} / ${s(figures.pageThread)}`, '', ''],
  ["viewer: all items loaded, from the stream's request", `${s(figures.fromRequest)} ${range(figures.fromRequestRange)} = ${(figures.fromRequest / figures.sdk0).toFixed(2)}× SDK`, '', ''],
  ['item rows in the DOM after load / most ever', `${figures.rowsAfterLoad} / ${figures.maxRows} (${figures.elementsAfterLoad} elements)`, '≤ 300', verdict(Math.max(figures.rowsAfterLoad, figures.maxRows) <= 300)],
  ['longest task while loading (in Playwright)', tasks(figures.loadTasks), '≤ 50 ms', verdict(figures.loadTasks.longest <= 50)],
  [`  then until the token estimate is done (${s(figures.afterLoadTokens)} after the load)`, tasks(figures.afterLoadTasks), '', ''],
  ...(figures.bare_complete === undefined
    ? [["as a reader's browser loads it: not measured (run with node --experimental-websocket on Node 20)", '', '', '']]
    : [
        ["as a reader's browser loads it (no DevTools network recording; median of 3, SDK beside each)", `SDK ${s(figures.bare_sdk)}`, '', ''],
        ['  first item shown', s(figures.bare_firstItem), '', ''],
        ['  all items loaded', `${s(figures.bare_complete)} ${range(figures.bareRange)} = ${(figures.bare_complete / figures.bare_sdk).toFixed(2)}× SDK`, '≤ 1.5× SDK', verdict(figures.bare_complete <= 1.5 * figures.bare_sdk)],
        ['  longest task while loading (each round)', `${ms(figures.bare_longest)} (${figures.bareLongest.join(', ')} ms; median ${figures.bare_over} over 50 ms)`, '≤ 50 ms', verdict(figures.bare_longest <= 50)],
      ]),
  ['longest task scrolling (400 jumps)', tasks(figures.scrollJumps), '≤ 50 ms', verdict(figures.scrollJumps.longest <= 50)],
  ['longest task scrolling (150 wheel turns)', tasks(figures.scrollWheel), '≤ 50 ms', verdict(figures.scrollWheel.longest <= 50)],
  [`longest task typing "${run.needle.word}"`, tasks(figures.typing), '≤ 50 ms', verdict(figures.typing.longest <= 50)],
  [`match (item ${(run.needle.index + 1).toLocaleString('en')}) in view after last key`, ms(figures.matchInView), '≤ 50 ms', verdict(figures.matchInView <= 50)],
  ['JS heap after load (after GC)', `${mb(figures.heapAfterLoad)} (${mb(figures.heapAfterGc)})`, '< 200 MB', verdict(figures.heapAfterLoad < 200e6)],
  [`the run as the viewer's JSON export (${(figures.fileBytes / 1e6).toFixed(1)} MB), opened: first item`, s(figures.fileFirstItem), '≤ 1.5 s', verdict(figures.fileFirstItem <= 1500)],
  ['  all items indexed', s(figures.fileComplete), '', ''],
  ['  token estimate done', s(figures.fileTokens), '≤ 10 s', verdict(figures.fileTokens <= 10_000)],
  ['  longest task from opening to the token estimate', tasks(figures.fileTasks), '≤ 50 ms', verdict(figures.fileTasks.longest <= 50)],
  [
    `viewer: all items loaded over a ${LINK_MBIT} Mbit/s link, the stream as it is / compressed`,
    `${s(figures.linkPlain)} (${(figures.linkPlainBytes / 1e6).toFixed(1)} MB) / ${s(figures.linkCompressed)} (${(figures.linkCompressedBytes / 1e6).toFixed(1)} MB, ${figures.linkCompressedEncoding})`,
    '',
    '',
  ],
  [`SDK paging, ${LATENCY_MS} ms per request`, s(figures.sdk50), '', ''],
  [`viewer server stream alone, ${LATENCY_MS} ms`, `${s(figures.stream50)} = ${(figures.stream50 / figures.sdk50).toFixed(2)}× SDK`, '', ''],
  [`viewer: first item shown, ${LATENCY_MS} ms`, s(figures.firstItem50), '', ''],
  [`viewer: all items loaded, ${LATENCY_MS} ms`, `${s(figures.complete50)} = ${(figures.complete50 / figures.sdk50).toFixed(2)}× SDK`, '≤ 0.55× SDK', verdict(figures.complete50 <= 0.55 * figures.sdk50)],
  [`viewer: link to last item in view, ${LATENCY_MS} ms`, `${s(figures.lastLink50)} = ${(figures.lastLink50 / figures.sdk50).toFixed(2)}× SDK`, '≤ 0.2× SDK', verdict(figures.lastLink50 <= 0.2 * figures.sdk50)],
  ['entry JS + CSS named by index.html, and the app start every page names (gzip; first loads: npm run bench:bundle)', `${(firstLoadBytes / 1000).toFixed(1)} kB (${firstLoad.join(', ')})`, '', ''],
];
const kinds = Object.entries(run.kinds).map(([kind, n]) => `${n.toLocaleString('en')} ${kind}`).join(', ');
console.log(`${COUNT.toLocaleString('en')} items (${kinds}; ${(run.bytes / 1e6).toFixed(1)} MB of JSON), pages of 100, loopback`);
console.log(`machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(`${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padEnd(widths[2])}  ${row[3]}`.trimEnd());

console.log('\nlongest animation frames (duration; render = style, layout and paint; scripts by time):');
const phases = [['loading', figures.loadTasks], ['after load', figures.afterLoadTasks], ['scroll jumps', figures.scrollJumps], ['wheel', figures.scrollWheel], ['typing', figures.typing], ['file', figures.fileTasks]];
for (const [label, phase] of phases) {
  for (const entry of phase.frames.slice(0, 3)) {
    const scripts = entry.scripts
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((script) => `${script.invoker} ${script.name || '(anonymous)'}@${script.url.split('/').pop()}:${script.position} ${Math.round(script.duration)} ms${script.layout > 1 ? ` (forced layout ${Math.round(script.layout)} ms)` : ''}`)
      .join('; ');
    console.log(`  ${label.padEnd(12)} ${ms(entry.duration).padStart(7)}, render ${ms(entry.render)}: ${scripts || 'no script'}`);
  }
}

for (const { label, top } of hotspots) {
  console.log(`\nCPU profile, ${label} (self time):`);
  for (const [where, time] of top) console.log(`  ${ms(time).padStart(8)}  ${where}`);
}
if (PROFILE_DIR) console.log(`\nprofiles: ${PROFILE_DIR}`);
