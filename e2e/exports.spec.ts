import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
// @ts-expect-error: a plain ES module without types, shared with the benchmarks
import { generateAgentRun } from '../bench/scale-data.mjs';
import type { ExportItem } from '../src/shared/export/export-document.ts';
import { exportAll } from '../src/shared/export/export-formats.ts';
import { demo } from './demo-data.ts';
import { downloadChoice, expectComplete, items } from './transcript-helpers.ts';

const agent = demo('agent-run');
const last = agent.items.at(-1)!;
/** The file's own anchor for its end, which no item ID can take. */
const END = '[id="~end"]';

/**
 * Rows far from the screen are laid out as they come near, so the end can move while the page scrolls to it; End
 * again lands on it, as a reader would press it again.
 */
async function pressEndUntilTheEnd(viewer: Page) {
  await expect(async () => {
    await viewer.keyboard.press('End');
    await expect(viewer.locator(END)).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

async function save(page: Page, label: RegExp): Promise<{ name: string; path: string }> {
  await page.getByText('Download ▾').click();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadChoice(page, label).click()]);
  // Saved under its own name, so the HTML file opens from disk as HTML.
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

/** The page's own size of the run, once counted: "≈ 3,192 tokens". */
async function tokensShown(page: Page): Promise<string> {
  const size = page.getByTestId('summary-tokens');
  await expect(size).toHaveText(/^≈ [\d,]+ tokens? \(estimate\)$/, { timeout: 15_000 });
  return /≈ [\d,]+ tokens?/.exec((await size.textContent())!)![0];
}

/** The run's title as the page gives it, in the tab's title, once it is the run's own (not its ID or file name). */
async function runTitle(page: Page): Promise<string> {
  await expect(page).toHaveTitle(/^(?!conv_|agent\.json).+ · Conversation Viewer$/);
  return (await page.title()).replace(/ · Conversation Viewer$/, '');
}

/** Whether the page's own thread loaded the tokenizer (a worker's loads are its own, not the page's). */
async function pageLoadedTokenizer(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('o200k')));
}

test('the HTML export reads from disk with JavaScript off, down to the last item, and reaches its end with it on', async ({ page, browser }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expect(items(page).first()).toBeVisible();
  const tokens = await tokensShown(page);
  const html = await save(page, /^HTML/);
  expect(html.name).toBe(`${agent.conversation.id}.html`);

  const offline = await browser.newContext({ javaScriptEnabled: false });
  const reader = await offline.newPage();
  await reader.goto(`file://${html.path}`);
  // Titled as the page titles the run (from its first user message), with the conversation's ID below.
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(await runTitle(page));
  await expect(reader.locator('header dd').nth(1)).toHaveText(agent.conversation.id);
  // The last item, an assistant answer in Markdown, is there as rendered HTML: its heading is a heading.
  await expect(reader.locator(`[id="${last.id}"]`).getByRole('heading', { name: 'CI is fixed (PR #815)' })).toBeAttached();
  await expect(reader.getByRole('complementary', { name: 'Run summary' })).toContainText('2 failed or incomplete items');
  // Its size is counted as the page counts it, so the file and the page give the same figure.
  await expect(reader.getByRole('complementary', { name: 'Run summary' })).toContainText(`${tokens} (estimate)`);
  // A failed call is open; a call that went well is one line.
  await expect(reader.locator('details[open]').first()).toContainText('read_file');
  await offline.close();

  const online = await browser.newContext();
  const viewer = await online.newPage();
  const problems: string[] = [];
  viewer.on('pageerror', (error) => problems.push(error.message));
  viewer.on('console', (message) => problems.push(message.text()));
  viewer.on('request', (request) => (request.url().startsWith('file:') ? null : problems.push(`request: ${request.url()}`)));
  await viewer.goto(`file://${html.path}`);
  await viewer.getByRole('link', { name: 'Go to the last item ↓' }).click();
  await expect(viewer.locator(END)).toBeInViewport();
  await expect(viewer.locator(`[id="${last.id}"]`)).toBeInViewport({ ratio: 0.1 });
  await viewer.keyboard.press('Home');
  await expect(viewer.getByRole('heading', { level: 1 })).toBeInViewport();
  await pressEndUntilTheEnd(viewer);
  expect(problems).toEqual([]);
  await online.close();
});

test('a JSON export made in the page names its source with its kind, and the file opened again keeps them', async ({ page }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expectComplete(page, agent.items.length);
  const json = await save(page, /^JSON/);
  const exported = JSON.parse(readFileSync(json.path, 'utf8')) as { source: { id: string; label: string; kind?: string } };
  expect(exported.source).toMatchObject({ id: 'demo', kind: 'demo' });

  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles(json.path);
  await expectComplete(page, agent.items.length);
  const again = JSON.parse(readFileSync((await save(page, /^JSON/)).path, 'utf8')) as { source: { kind?: string } };
  expect(again.source.kind).toBe('demo');

  // A download with the share dialog's rules, made here from the file, keeps them too.
  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await dialog.getByLabel('Download format').selectOption('json');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download instead' }).click()]);
  // Named apart from the full download of the same run.
  expect(download.suggestedFilename()).toMatch(/_shared\.json$/);
  const shared = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { source: { id: string | null; kind?: string } };
  expect(shared.source).toMatchObject({ id: null, kind: 'demo' });

  // A title typed for it heads it and names the file, with the rules' terms replaced in both.
  await dialog.getByLabel('Download format').selectOption('markdown');
  await dialog.getByLabel('Names and terms, one a line').fill('checkout-web');
  await dialog.getByLabel('Title').fill('checkout-web notes');
  const [titled] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download instead' }).click()]);
  expect(titled.suggestedFilename()).toBe('TERM_1_notes_shared.md');
  const markdown = readFileSync((await titled.path())!, 'utf8');
  expect(markdown.split('\n')[0]).toBe('# \\[TERM_1\\] notes');
  expect(markdown).not.toMatch(/checkout-web/i);

  // An HTML download with the rules counts its own (replaced) text with the tokenizer, in a worker.
  await dialog.getByLabel('Download format').selectOption('html');
  const [html] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download instead' }).click()]);
  expect(readFileSync((await html.path())!, 'utf8')).toMatch(/≈ [\d,]+ tokens <span class="note" title="Counted with the o200k_base tokenizer/);
  expect(await pageLoadedTokenizer(page)).toBe(false);
});

test('the Download menu offers OpenTelemetry: OTLP/JSON with one span per turn', async ({ page }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expect(items(page).first()).toBeVisible();
  const otlp = await save(page, /^OpenTelemetry/);
  expect(otlp.name).toBe(`${agent.conversation.id}.otlp.json`);
  const request = JSON.parse(readFileSync(otlp.path, 'utf8')) as { resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[] };
  const spans = request.resourceSpans[0].scopeSpans[0].spans;
  expect(spans.filter((span) => span.name === 'chat')).toHaveLength(3);
  expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
});

test('an opened file exports in every format in the browser, OpenTelemetry and HTML included', async ({ page }) => {
  await page.goto('/');
  const list = JSON.stringify({ object: 'list', data: agent.items, first_id: agent.items[0].id, last_id: last.id, has_more: false });
  await page.getByLabel('Conversation file').setInputFiles({ name: 'agent.json', mimeType: 'application/json', buffer: Buffer.from(list) });
  await expect(page).toHaveURL(/\/file$/);
  await expect(items(page).first()).toBeVisible();
  const otlp = await save(page, /^OpenTelemetry/);
  expect(otlp.name).toBe('agent_json.otlp.json');
  expect(JSON.parse(readFileSync(otlp.path, 'utf8')).resourceSpans[0].scopeSpans[0].spans.length).toBeGreaterThan(20);
  const tokens = await tokensShown(page);
  const html = await save(page, /^HTML/);
  expect(readFileSync(html.path, 'utf8')).toContain('<h2>CI is fixed (PR #815)</h2>');
  expect(readFileSync(html.path, 'utf8')).toContain(`${tokens} <span class="note"`);
  // The counts came from the page's text index, off the page's thread: the page never loaded the tokenizer itself.
  expect(await pageLoadedTokenizer(page)).toBe(false);
});

test('an opened file without a conversation ID exports without one: its file name is not passed off as the ID', async ({ page }) => {
  await page.goto('/');
  // An array of items names no conversation: the page shows the file's name where an ID would be.
  await page.getByLabel('Conversation file').setInputFiles({ name: 'agent.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(agent.items)) });
  await expect(page).toHaveURL(/\/file$/);
  await expectComplete(page, agent.items.length);
  const json = JSON.parse(readFileSync((await save(page, /^JSON/)).path, 'utf8')) as { conversation: { id?: string } };
  expect(json.conversation.id).toBeUndefined();
  const markdown = readFileSync((await save(page, /^Markdown/)).path, 'utf8');
  expect(markdown.split('\n')[0]).toBe(`# ${await runTitle(page)}`);
  expect(markdown).not.toContain('**Conversation:**');
  expect(markdown).not.toContain('agent.json');
  const otlp = readFileSync((await save(page, /^OpenTelemetry/)).path, 'utf8');
  expect(otlp).not.toContain('gen_ai.conversation.id');
});

async function formats(page: Page): Promise<string[]> {
  await expect(items(page).first()).toBeVisible();
  await page.getByText('Download ▾').click();
  const names = await downloadChoice(page).allTextContents();
  await page.keyboard.press('Escape');
  return names;
}

test('the Download menu offers the same formats for a conversation, a snapshot and an opened file', async ({ page, request }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  const conversation = await formats(page);
  expect(conversation.join(' | ')).toMatch(/^Markdown.* \| HTML.* \| JSON.* \| OpenTelemetry/);

  const created = await request.post('/api/snapshots', { data: { source: 'demo', conversation_id: agent.conversation.id } });
  expect(created.status()).toBe(201);
  const { url } = (await created.json()) as { url: string };
  await page.goto(url);
  expect(await formats(page)).toEqual(conversation);
  // A snapshot's HTML is the same file, read from the store.
  const html = await save(page, /^HTML/);
  expect(readFileSync(html.path, 'utf8')).toContain('<h2>CI is fixed (PR #815)</h2>');

  // Revoked since the page opened: the page says nothing was downloaded, and why, instead of a broken file.
  const id = url.split('/s/')[1];
  expect((await request.delete(`/api/snapshots/${id}`)).status()).toBe(200);
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByText('Download ▾').click();
  await page.getByRole('link', { name: /^Markdown/ }).click();
  const refusal = page.getByTestId('toast');
  await expect(refusal).toContainText('Nothing was downloaded. This snapshot was revoked.');
  expect(downloads).toBe(0);
  // Longer than a moment's note: it stays until it is put away.
  await page.waitForTimeout(3_000);
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toBeHidden();

  await page.goto('/');
  const list = JSON.stringify({ object: 'list', data: agent.items, first_id: agent.items[0].id, last_id: last.id, has_more: false });
  await page.getByLabel('Conversation file').setInputFiles({ name: 'agent.json', mimeType: 'application/json', buffer: Buffer.from(list) });
  await expect(page).toHaveURL(/\/file$/);
  expect(await formats(page)).toEqual(conversation);
});

test('a long HTML export shows every row with scripts off; with them on, rows come as needed, a failure link reaches its row, and in the end all are there', async ({ browser }) => {
  const run = generateAgentRun(600).items as (ExportItem & { role?: string; status?: string })[];
  // An answer cut short in the middle of the run: the summary links to it.
  const cut = run.find((item, index) => index > 250 && item.role === 'assistant')!;
  cut.status = 'incomplete';
  const text = exportAll('html', { title: 'Long run', source: { id: 'bench', label: 'Bench' }, conversation: { id: 'conv_long', object: 'conversation', created_at: 1_764_000_000 }, exported_at: '2026-12-01T00:00:00.000Z' }, run);
  const path = test.info().outputPath('long.html');
  writeFileSync(path, text);
  // Rows in the middle are written as text for the viewer script, and the run summary links to the one among them.
  const failed = cut.id!;
  expect(text.slice(text.indexOf('<noscript>'), text.lastIndexOf('</noscript>'))).toContain(`<article class="row role-assistant failed" id="${failed}">`);

  const offline = await browser.newContext({ javaScriptEnabled: false });
  const reader = await offline.newPage();
  await reader.goto(`file://${path}`);
  const rows = await reader.locator('main .row').count();
  expect(rows).toBeGreaterThan(400);
  await expect(reader.locator(`[id="${failed}"]`)).toBeAttached();
  // The note for a reader whose viewer blocks the file's script is hidden: the rows themselves show.
  await expect(reader.locator('.held').first()).toBeHidden();
  await offline.close();

  const online = await browser.newContext();
  const viewer = await online.newPage();
  const problems: string[] = [];
  viewer.on('pageerror', (error) => problems.push(error.message));
  viewer.on('console', (message) => problems.push(message.text()));
  viewer.on('request', (request) => (request.url().startsWith('file:') ? null : problems.push(`request: ${request.url()}`)));
  await viewer.goto(`file://${path}`);
  await viewer.getByRole('complementary', { name: 'Run summary' }).locator(`a[href="#${failed}"]`).click();
  await expect(viewer.locator(`[id="${failed}"]`)).toBeInViewport();
  await expect(viewer.locator('.chunk > noscript')).toHaveCount(0);
  await expect(viewer.locator('.held')).toHaveCount(0);
  await expect(viewer.locator('main .row')).toHaveCount(rows);
  await pressEndUntilTheEnd(viewer);
  expect(problems).toEqual([]);
  await online.close();
});
