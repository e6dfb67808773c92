// Measures how the transcript copes with a long conversation: a loopback upstream serves N generated items,
// the built viewer proxies it, and headless Chromium reports time to first item, time to all items, long tasks
// and heap. Loopback only; stops by itself. Usage: npm run build && node bench/render.mjs [items=10000]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const COUNT = Number(process.argv[2] ?? 10_000);
const CONVERSATION = 'conv_bench_render';
const items = Array.from({ length: COUNT }, (_, index) => {
  const id = `msg_${index.toString(16).padStart(8, '0')}`;
  if (index % 10 === 3) return { id: `fc_${index}`, type: 'function_call', call_id: `call_${index}`, name: 'lookup', arguments: JSON.stringify({ n: index }), status: 'completed' };
  if (index % 10 === 4) return { id: `fco_${index}`, type: 'function_call_output', call_id: `call_${index - 1}`, output: JSON.stringify({ ok: true, n: index }) };
  const role = index % 2 ? 'assistant' : 'user';
  const text = `(#${index + 1}) ${role === 'assistant' ? '**Answer.** ' : ''}${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(1 + (index % 5))}`;
  return { id, type: 'message', role, status: 'completed', content: [{ type: role === 'user' ? 'input_text' : 'output_text', text, annotations: [] }] };
});
const position = new Map(items.map((item, index) => [item.id, index]));

const upstream = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  response.setHeader('content-type', 'application/json');
  if (url.pathname === `/v1/conversations/${CONVERSATION}`) {
    response.end(JSON.stringify({ id: CONVERSATION, object: 'conversation', created_at: 1764000000, metadata: {} }));
    return;
  }
  if (url.pathname !== `/v1/conversations/${CONVERSATION}/items`) {
    response.statusCode = 404;
    response.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
    return;
  }
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const after = url.searchParams.get('after');
  const start = after ? (position.get(after) ?? -1) + 1 : 0;
  const data = items.slice(start, start + limit);
  response.end(JSON.stringify({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < items.length }));
});
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const upstreamPort = upstream.address().port;

const viewerPort = 4391;
const viewer = spawn(process.execPath, ['dist/server/main.js'], {
  env: { ...process.env, PORT: String(viewerPort), HOST: '127.0.0.1', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `http://127.0.0.1:${upstreamPort}/v1`, DASHSCOPE_API_KEY: '', VIEWER_PASSWORD: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopAll = () => {
  viewer.kill('SIGTERM');
  upstream.close();
};
const deadline = setTimeout(() => {
  console.error('bench: gave up after 5 minutes');
  stopAll();
  process.exit(1);
}, 300_000);

for (let attempt = 0; ; attempt += 1) {
  try {
    if ((await fetch(`http://127.0.0.1:${viewerPort}/healthz`)).ok) break;
  } catch {
    if (attempt > 100) throw new Error('viewer did not start (run npm run build first)');
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
await page.addInitScript(() => {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.benchLongTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
});
const started = performance.now();
await page.goto(`http://127.0.0.1:${viewerPort}/c/${CONVERSATION}?source=openai`);
await page.locator('[data-item-id]').first().waitFor();
const firstItem = performance.now() - started;
await page.getByTestId('item-count').filter({ hasText: `${COUNT} items` }).waitFor({ timeout: 240_000 });
const allItems = performance.now() - started;
const scrollStart = performance.now();
await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
await page.waitForTimeout(500);
const scroll = performance.now() - scrollStart - 500;
const stats = await page.evaluate(() => ({
  longTasks: window.benchLongTasks,
  heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null,
  domNodes: document.getElementsByTagName('*').length,
}));
await browser.close();
clearTimeout(deadline);
stopAll();

const longest = Math.max(0, ...stats.longTasks);
console.log(`items:               ${COUNT} (pages of 100 through the viewer's proxy)`);
console.log(`first item shown:    ${firstItem.toFixed(0)} ms`);
console.log(`all items shown:     ${allItems.toFixed(0)} ms`);
console.log(`jump to the end:     ${scroll.toFixed(0)} ms`);
console.log(`long tasks (>50 ms): ${stats.longTasks.length}, longest ${longest.toFixed(0)} ms, total ${stats.longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
console.log(`JS heap:             ${stats.heapMb?.toFixed(1) ?? 'n/a'} MB`);
console.log(`DOM elements:        ${stats.domNodes}`);
