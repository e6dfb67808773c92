import { readFileSync, statSync } from 'node:fs';
import { expect, test, type Page, type Request } from '@playwright/test';
import { demo } from './demo-data.ts';
import { expectComplete, items } from './transcript-helpers.ts';

// What each built chunk holds, written by the build (vite.config.ts): packages by name, the app's files by path.
const chunks = JSON.parse(readFileSync(new URL('../dist/chunk-modules.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const agentRun = demo('agent-run');
const markdownAnswer = demo('markdown-answer');

/** Packages that only an item's Markdown, its code, the token estimate or an export needs. */
const LATER = ['react-markdown', 'unified', 'micromark', 'mdast-util-from-markdown', 'highlight.js', 'lowlight', 'gpt-tokenizer', 'zod'];

interface Requested {
  file: string;
  request: Request;
}

/** Records the chunks the page's scripts (its workers' too) ask for, in order. */
function recordChunks(page: Page): Requested[] {
  const requested: Requested[] = [];
  page.context().on('request', (request) => {
    const path = new URL(request.url()).pathname.slice(1);
    if (path.startsWith('assets/') && path.endsWith('.js')) requested.push({ file: path, request });
  });
  return requested;
}

/** When the browser sent it (wall clock), known once its answer has come. */
const startedAt = ({ request }: Requested) => request.timing().startTime;

const modulesOf = (files: readonly Requested[]) => files.flatMap(({ file }) => chunks[file] ?? []);

/** In the page, before its scripts: the wall-clock time the first item row entered the DOM. */
function watchFirstRow() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-item-id]')) return;
    (window as { firstRowAt?: number }).firstRowAt = performance.timeOrigin + performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

test('the home page loads no Markdown, highlighting, tokenizer, zod or transcript code', async ({ page }) => {
  const requested = recordChunks(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter(({ file }) => !chunks[file])).toEqual([]);
  const modules = modulesOf(requested);
  expect(modules.filter((module) => LATER.includes(module))).toEqual([]);
  // The layout holds the remote-image policy; nothing else of the transcript comes with the home page.
  expect(modules.filter((module) => module.startsWith('src/features/transcript/') && module !== 'src/features/transcript/lib/remote-images.ts')).toEqual([]);  // How a failure is said loads with the first failure.
  expect(modules).not.toContain('src/lib/describe-api-error.ts');
});

test('a transcript shows its first rows before the tokenizer is asked for', async ({ page }) => {
  await page.addInitScript(watchFirstRow);
  const requested = recordChunks(page);
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expect(items(page).first()).toBeVisible();
  const firstRowAt = await page.evaluate(() => (window as { firstRowAt?: number }).firstRowAt ?? 0);
  expect(firstRowAt).toBeGreaterThan(0);
  // It still arrives, after the rows: the token estimate fills in.
  await expect.poll(() => modulesOf(requested).includes('gpt-tokenizer')).toBe(true);
  await page.waitForLoadState('networkidle');
  expect(requested.every((entry) => startedAt(entry) > 0)).toBe(true);
  const beforeRows = requested.filter((entry) => startedAt(entry) <= firstRowAt);
  expect(beforeRows.length).toBeGreaterThan(0);
  expect(modulesOf(beforeRows).filter((module) => LATER.includes(module))).toEqual([]);
  // How a gateway's page reads loads only when one comes; how a failure is said comes once the transcript has loaded
  // and the page is idle (a tab kept open says later failures in full), never before the rows.
  expect(modulesOf(requested)).not.toContain('src/lib/error-page.ts');
  expect(modulesOf(beforeRows)).not.toContain('src/lib/describe-api-error.ts');
  expect(modulesOf(beforeRows)).toContain('src/lib/error-body.ts');
});

/** In the page, before its scripts: the rows (view positions and boxes) of the first change that put any in the list. */
function watchFirstRows() {
  const seen: { index: number; top: number }[] = [];
  (window as { firstRows?: typeof seen }).firstRows = seen;
  const observer = new MutationObserver(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-view-index]')];
    if (rows.length === 0) return;
    observer.disconnect();
    for (const row of rows) seen.push({ index: Number(row.dataset.viewIndex), top: row.getBoundingClientRect().top });
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
}

// The task that shows a transcript's first rows is its heaviest: it renders the rows on the screen, no more, and the
// rows around them (for a small scroll and the keyboard) follow in a task of their own.
test("a transcript's first rows are the screen's alone; the rows below follow", async ({ page }) => {
  const long = demo('long-support-thread');
  await page.addInitScript(watchFirstRows);
  await page.goto(`/c/${long.conversation.id}?source=demo`);
  await expect(items(page).first()).toBeVisible();
  const first = await page.evaluate(() => (window as { firstRows?: { index: number; top: number }[] }).firstRows ?? []);
  expect(first.length).toBeGreaterThan(0);
  const height = page.viewportSize()!.height;
  expect(first.every((row) => row.top < height)).toBe(true);
  const lastFirst = Math.max(...first.map((row) => row.index));
  // Then the rows below the screen are there too.
  await expect(page.locator(`[data-view-index="${lastFirst + 2}"]`)).toBeAttached();
});

/** In the page, before its scripts: when each style sheet joined the document (wall clock), by address. */
function watchStyleSheets() {
  const added: { href: string; at: number }[] = [];
  (window as { sheetsAdded?: typeof added }).sheetsAdded = added;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLLinkElement && node.rel === 'stylesheet') added.push({ href: node.href, at: performance.timeOrigin + performance.now() });
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

// A style sheet added once rows are on the page has the browser work out the style of every element again.
test("a transcript's style sheets, Markdown's typography included, are all in before its first rows", async ({ page }) => {
  await page.addInitScript(watchFirstRow);
  await page.addInitScript(watchStyleSheets);
  await page.goto(`/c/${markdownAnswer.conversation.id}?source=demo`);
  // The answer's Markdown is laid out with its typography: a heading, styled as the prose plugin styles it.
  const heading = page.locator('.prose h2').first();
  await expect(heading).toBeVisible();
  expect(await heading.evaluate((element) => getComputedStyle(element).fontWeight)).toBe('700');
  await page.waitForLoadState('networkidle');
  const { firstRowAt, sheets } = await page.evaluate(() => ({
    firstRowAt: (window as { firstRowAt?: number }).firstRowAt ?? 0,
    sheets: (window as { sheetsAdded?: { href: string; at: number }[] }).sheetsAdded ?? [],
  }));
  expect(firstRowAt).toBeGreaterThan(0);
  expect(sheets.length).toBeGreaterThan(0);
  expect(sheets.filter(({ at }) => at > firstRowAt).map(({ href }) => new URL(href).pathname)).toEqual([]);
});

test('a tokenizer that cannot be loaded is said so, and search still works', async ({ page }) => {
  const tokenizer = Object.keys(chunks).filter((file) => chunks[file].includes('gpt-tokenizer'));
  expect(tokenizer.length).toBeGreaterThan(0);
  // The text index's worker asks for it: the context's routes see a worker's requests too.
  await page.context().route(/\/assets\/.*\.js$/, (route) => (tokenizer.some((file) => route.request().url().endsWith(`/${file}`)) ? route.abort() : route.fallback()));
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expect(page.getByTestId('summary-tokens')).toHaveText(/^no estimate: the tokenizer could not be loaded\. Reload the page to try again\.$/, { timeout: 20_000 });
  await page.getByRole('searchbox', { name: 'Search the transcript' }).fill('create_pull_request');
  await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
});

test('code blocks load only the grammars they name, and are highlighted', async ({ page }) => {
  const requested = recordChunks(page);
  await page.goto(`/c/${markdownAnswer.conversation.id}?source=demo`);
  await expect(page.locator('code.hljs.language-python .hljs-keyword').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The answer names bash, json, python, sql and ts: one chunk each, and no other grammar.
  const grammars = requested.filter(({ file }) => chunks[file]?.length === 1 && chunks[file][0] === 'highlight.js');
  expect(grammars.map(({ file }) => /^assets\/(.+)-[\w-]{8}\.js$/.exec(file)?.[1]).sort()).toEqual(['bash', 'json', 'python', 'sql', 'typescript']);
});

test('a transcript link names the code of the transcript page in its HTML, so it is fetched beside the entry script', async ({ request }) => {
  const preloads = async (path: string) => {
    const html = await (await request.get(path)).text();
    return [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g)].flatMap((match) => chunks[match[1]] ?? []);
  };
  expect(await preloads(`/c/${agentRun.conversation.id}?source=demo`)).toContain('src/app/routes/transcript-route.tsx');
  const home = await preloads('/');
  expect(home).toContain('src/app/routes/home-route.tsx');
  expect(home).not.toContain('src/app/routes/transcript-route.tsx');
});

// Evaluated together, the early requests, React and the app made one task of 50–150 ms as the page opened.
test("the entry script holds the early requests only; React and the app come after it, named in every page's HTML", async ({ request, page }) => {
  const html = await (await request.get(`/c/${agentRun.conversation.id}?source=demo`)).text();
  const entry = /<script type="module" crossorigin src="\/([^"]+)"/.exec(html)?.[1] ?? '';
  expect(chunks[entry]).toContain('src/app/start-early-requests.ts');
  expect(chunks[entry].filter((module) => ['react', 'react-dom', '@tanstack/react-query', 'src/app/router.tsx'].includes(module))).toEqual([]);
  for (const path of ['/', `/c/${agentRun.conversation.id}?source=demo`, '/snapshots', '/nowhere']) {
    const named = [...(await (await request.get(path)).text()).matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g)].flatMap((match) => chunks[match[1]] ?? []);
    expect(named, path).toEqual(expect.arrayContaining(['react-dom', 'src/app/start-app.tsx']));
  }
  // The page still opens from them, and its items are asked for before React's code has run.
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
});

test("a page whose app code cannot be fetched says so, with a way to reload", async ({ page }) => {
  const appCode = /\/assets\/start-app-[\w-]+\.js$/;
  await page.route(appCode, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The viewer could not be loaded');
  await expect(alert).toContainText('updated since this tab was opened, or the network failed');
  await page.unroute(appCode);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("a transcript link asks for its items while the app's code is still starting, once, and shows them", async ({ page }) => {
  const api: string[] = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/api/')) api.push(pathname + search);
  });
  const conversation = `/api/sources/demo/conversations/${agentRun.conversation.id}`;
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  // The stream and the conversation go out before the app has rendered anything that asks for the sources, and each
  // once: the page reads the answers it started instead of asking again.
  expect(api.slice(0, 2)).toEqual([`${conversation}/stream`, conversation]);
  expect(api.filter((path) => path === `${conversation}/stream`)).toHaveLength(1);
  expect(api.filter((path) => path === conversation)).toHaveLength(1);
  expect(api).toContain('/api/sources');
});

test("a transcript's scripts and style sheets arrive compressed, and the page works from them", async ({ page }) => {
  const assets: { path: string; encoding: string | null }[] = [];
  page.context().on('response', async (response) => {
    const { pathname } = new URL(response.url());
    // Files under 1 KB gain nothing from it and are sent as built.
    if (/^\/assets\/.+\.(?:js|css)$/.test(pathname) && statSync(new URL(`../dist/client${pathname}`, import.meta.url)).size >= 1024) {
      assets.push({ path: pathname, encoding: await response.headerValue('content-encoding') });
    }
  });
  await page.goto(`/c/${markdownAnswer.conversation.id}?source=demo`);
  await expect(page.locator('code.hljs.language-python .hljs-keyword').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The entry, the page's chunks, the Markdown worker and its grammars: every one as brotli or gzip.
  expect(assets.length).toBeGreaterThan(5);
  expect(assets.filter(({ encoding }) => encoding !== 'br' && encoding !== 'gzip')).toEqual([]);
});

test('a snapshot link asks for its first items together with the snapshot, each once, and shows them', async ({ page, request }) => {
  const created = await request.post('/api/snapshots', { data: { source: 'demo', conversation_id: agentRun.conversation.id } });
  expect(created.status()).toBe(201);
  const { id, url } = (await created.json()) as { id: string; url: string };
  const api: string[] = [];
  page.on('request', (sent) => {
    const { pathname, search } = new URL(sent.url());
    if (pathname.startsWith('/api/')) api.push(pathname + search);
  });
  await page.goto(url);
  await expect(items(page).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Without the early start the items waited for the snapshot's answer; now they go out first, and each once.
  const firstPage = `/api/snapshots/${id}/items?limit=1000&from=0`;
  expect(api.slice(0, 2)).toEqual([firstPage, `/api/snapshots/${id}`]);
  expect(api.filter((path) => path === firstPage)).toHaveLength(1);
  expect(api.filter((path) => path === `/api/snapshots/${id}`)).toHaveLength(1);
});

/** In the page, before its scripts: notes each call that would load the browser's locale data (ICU), by name. */
function watchLocaleData() {
  const calls: string[] = [];
  (window as { localeCalls?: string[] }).localeCalls = calls;
  const wrap = (owner: object, name: string, label: string) => {
    const original = Reflect.get(owner, name) as (...args: unknown[]) => unknown;
    Reflect.set(owner, name, new Proxy(original, {
      apply: (target, self, args) => (calls.push(label), Reflect.apply(target, self, args)),
      construct: (target, args, newTarget) => (calls.push(label), Reflect.construct(target, args, newTarget)),
    }));
  };
  for (const name of ['DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'Collator', 'PluralRules', 'ListFormat', 'DisplayNames', 'Segmenter']) wrap(Intl, name, `Intl.${name}`);
  wrap(Number.prototype, 'toLocaleString', 'Number.toLocaleString');
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) wrap(Date.prototype, name, `Date.${name}`);
  wrap(String.prototype, 'localeCompare', 'String.localeCompare');
  wrap(Array.prototype, 'toLocaleString', 'Array.toLocaleString');
}

// A page's first Intl call loads the locale's data: 30–80 ms on the page's thread here, as a transcript opens.
test('no page loads the browser’s locale data while it opens: counts, dates and tool names are written by the page', async ({ page, request }) => {
  await page.addInitScript(watchLocaleData);
  const created = await request.post('/api/snapshots', { data: { source: 'demo', conversation_id: agentRun.conversation.id } });
  const { url } = (await created.json()) as { url: string };
  const calls = () => page.evaluate(() => (window as { localeCalls?: string[] }).localeCalls);

  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  // The header's date and count, the run summary's tools by name, and a search's counts.
  await expect(page.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the transcript' }).fill('the');
  await expect(page.getByText(/^\d[\d,]* of \d[\d,]*$/)).toBeVisible();
  expect(await calls()).toEqual([]);

  // The home page says how long ago each recent conversation was opened.
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Recently opened' })).toContainText('just now');
  expect(await calls()).toEqual([]);

  await page.goto(url);
  await expect(page.getByText(/taken \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)).toBeVisible();
  expect(await calls()).toEqual([]);
  await page.goto('/snapshots');
  await expect(page.getByText(/Created \d{4}-\d{2}-\d{2}/).first()).toBeVisible();
  expect(await calls()).toEqual([]);
});
