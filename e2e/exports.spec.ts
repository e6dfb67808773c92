import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demo } from './demo-data.ts';
import { items } from './transcript-helpers.ts';

const agent = demo('agent-run');
const last = agent.items.at(-1)!;

async function save(page: Page, label: RegExp): Promise<{ name: string; path: string }> {
  await page.getByText('Download ▾').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
  // Saved under its own name, so the HTML file opens from disk as HTML.
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

test('the HTML export reads from disk with JavaScript off, down to the last item, and reaches its end with it on', async ({ page, browser }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expect(items(page).first()).toBeVisible();
  const html = await save(page, /^HTML/);
  expect(html.name).toBe(`${agent.conversation.id}.html`);

  const offline = await browser.newContext({ javaScriptEnabled: false });
  const reader = await offline.newPage();
  await reader.goto(`file://${html.path}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Conversation ${agent.conversation.id}`);
  // The last item, an assistant answer in Markdown, is there as rendered HTML: its heading is a heading.
  await expect(reader.locator(`[id="${last.id}"]`).getByRole('heading', { name: 'CI is fixed (PR #815)' })).toBeAttached();
  await expect(reader.getByRole('complementary', { name: 'Run summary' })).toContainText('2 failed or incomplete items');
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
  await expect(viewer.locator('#end')).toBeInViewport();
  await expect(viewer.locator(`[id="${last.id}"]`)).toBeInViewport({ ratio: 0.1 });
  await viewer.keyboard.press('Home');
  await expect(viewer.getByRole('heading', { level: 1 })).toBeInViewport();
  // Rows far from the screen are laid out as they come near, so the end can move while the page scrolls to it; End
  // again lands on it, as a reader would press it again.
  await expect(async () => {
    await viewer.keyboard.press('End');
    await expect(viewer.locator('#end')).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect(problems).toEqual([]);
  await online.close();
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
  const html = await save(page, /^HTML/);
  expect(readFileSync(html.path, 'utf8')).toContain('<h2>CI is fixed (PR #815)</h2>');
});
