import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demo } from './demo-data.ts';

const states = demo('streaming-states');
const trip = demo('trip-planning');
const long = demo('long-support-thread');

function transcriptUrl(id: string, query = 'source=demo') {
  return `/c/${id}?${query}`;
}

function items(page: Page) {
  return page.locator('[data-item-id]');
}

test('paste an ID and read the transcript with roles and statuses', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Conversation ID, API URL or share link').fill(`   ${states.conversation.id}\n`);
  await page.getByRole('button', { name: 'Open' }).click();

  await expect(page).toHaveURL(new RegExp(`/c/${states.conversation.id}\\?source=demo`));
  await expect(items(page)).toHaveCount(states.items.length);
  await expect(page.locator('[data-role="system"]').first()).toContainText('System');
  await expect(page.locator('[data-role="user"]').first()).toContainText('User');
  await expect(page.locator('[data-role="assistant"]').first()).toContainText('Assistant');
  await expect(page.getByText('incomplete', { exact: true })).toBeVisible();
  await expect(page.getByText('in progress', { exact: true })).toBeVisible();
  await expect(page.getByTestId('item-count')).toHaveText(`${states.items.length} items`);
});

test('a pasted API URL is reduced to the conversation ID', async ({ page }) => {
  await page.goto('/');
  await page
    .getByLabel('Conversation ID, API URL or share link')
    .fill(`https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/conversations/${trip.conversation.id}/items?limit=3`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('conversation-id')).toHaveText(trip.conversation.id);
  await expect(items(page)).toHaveCount(trip.items.length);
});

test('an invalid ID gets an inline message and no request', async ({ page }) => {
  const conversationRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/conversations/')) conversationRequests.push(request.url());
  });
  await page.goto('/');
  const input = page.getByLabel('Conversation ID, API URL or share link');
  await input.fill('msg_7639f8f6');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert')).toContainText('item or response ID');
  await input.fill('hello world');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert')).toContainText('Conversation IDs start with conv_');
  await expect(page).toHaveURL(/\/$/);
  expect(conversationRequests).toEqual([]);
});

test('an invalid ID in a link says so without asking the server', async ({ page }) => {
  await page.goto('/c/not-a-conversation?source=demo');
  await expect(page.getByRole('alert')).toContainText('That is not a conversation ID');
});

test('a conversation that does not exist says so, with Retry', async ({ page }) => {
  await page.goto(transcriptUrl('conv_does_not_exist_anywhere'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Conversation not found');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a source without a key says which variable to set', async ({ page }) => {
  await page.goto(transcriptUrl(trip.conversation.id, 'source=openai'));
  await expect(page.getByRole('alert')).toContainText('No API key for this source');
  await expect(page.getByRole('alert')).toContainText('OPENAI_API_KEY');
});

test('a share link opens the same transcript in a fresh browser, in the order it names', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(transcriptUrl(trip.conversation.id, 'source=demo&order=desc'));
  await expect(items(page).first()).toHaveAttribute('data-item-id', trip.items.at(-1)!.id);
  await expect(items(page).last()).toHaveAttribute('data-item-id', trip.items[0].id);
  await expect(page.getByRole('button', { name: 'Newest first' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});

test('copy link copies a URL that opens the same transcript', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`/c/${trip.conversation.id}`);
  await expect(page).toHaveURL(/source=demo/);
  await expect(items(page)).toHaveCount(trip.items.length);
  const copyLink = page.getByTitle('Copy a link to this transcript');
  await copyLink.click();
  await expect(copyLink).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`/c/${trip.conversation.id}\\?source=demo&order=asc$`));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await expect(other.getByTestId('conversation-id')).toHaveText(trip.conversation.id);
  await expect(other.locator('[data-item-id]')).toHaveCount(trip.items.length);
  await fresh.close();
  await context.close();
});

test('a deep link to an item on the third page loads pages until it appears, then scrolls to it and highlights it', async ({ page }) => {
  const target = long.items[250];
  await page.goto(`${transcriptUrl(long.conversation.id)}#${target.id}`);
  const item = page.locator(`[data-item-id="${target.id}"]`);
  await expect(item).toBeInViewport();
  await expect(item).toHaveClass(/item-highlight/);
  await expect(item).toContainText('(#251)');
});

test('a deep link to an item that is not there says so once everything has loaded', async ({ page }) => {
  await page.goto(`${transcriptUrl(trip.conversation.id)}#msg_not_here`);
  await expect(page.getByRole('alert')).toContainText('msg_not_here is not in this conversation');
});

test('a fragment that is not an item ID is ignored, never echoed on the page', async ({ page }) => {
  await page.goto(`${transcriptUrl(trip.conversation.id)}#Your%20session%20expired%2C%20call%20us`);
  await expect(items(page)).toHaveCount(trip.items.length);
  await expect(page.getByText(/session expired/)).toHaveCount(0);
});

/** Holds back the requests for later pages until the returned function is called. */
async function holdLaterPages(page: Page, pattern = '**/items?*after=*') {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('stopping the loading of one order does not stop the other', async ({ page }) => {
  const release = await holdLaterPages(page, '**/items?*order=asc*after=*');
  await page.goto(transcriptUrl(long.conversation.id));
  await page.getByRole('button', { name: 'Stop loading' }).click();
  release();
  await expect(page.getByRole('status')).toContainText('Stopped after 100 items');
  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('350 items');
});

test('long conversations load page after page with progress, and can be stopped', async ({ page }) => {
  const release = await holdLaterPages(page);
  await page.goto(transcriptUrl(long.conversation.id));
  await expect(items(page)).toHaveCount(100);
  await expect(page.getByRole('status')).toContainText('Loading… 100 items so far');
  await page.getByRole('button', { name: 'Stop loading' }).click();
  release();
  await expect(page.getByRole('status')).toContainText('Stopped after');
  await page.getByRole('button', { name: 'Load the rest' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('350 items');
  await expect(items(page)).toHaveCount(350);
});

test('the order switch shows newest first and browser back returns to oldest first', async ({ page }) => {
  await page.goto(transcriptUrl(long.conversation.id));
  await expect(items(page).first()).toContainText('(#1)');
  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(items(page).first()).toContainText('(#350)');
  await page.goBack();
  await expect(items(page).first()).toContainText('(#1)');
  await page.goForward();
  await expect(items(page).first()).toContainText('(#350)');
});

test('back and forward move between the home page and a transcript', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Alice and Bob/ }).click();
  await expect(items(page)).toHaveCount(2);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Read a conversation' })).toBeVisible();
  await page.goForward();
  await expect(page.getByText("Alice's best friend is Bob")).toBeVisible();
});

test('each item shows its ID on demand and links to itself @phone', async ({ page }) => {
  await page.goto(transcriptUrl(trip.conversation.id));
  const first = items(page).first();
  await first.getByRole('button', { name: 'ID' }).click();
  await expect(first.getByText(trip.items[0].id)).toBeVisible();
  await first.getByRole('link', { name: `Link to item ${trip.items[0].id}` }).click();
  await expect(page).toHaveURL(new RegExp(`#${trip.items[0].id}$`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the home page lists the conversations this browser opened, and can forget them', async ({ page }) => {
  await page.goto(transcriptUrl(states.conversation.id));
  await expect(items(page)).toHaveCount(states.items.length);
  await page.goto(transcriptUrl('conv_does_not_exist_anywhere'));
  await expect(page.getByRole('alert')).toContainText('Conversation not found');

  await page.goto('/');
  const recent = page.getByRole('region', { name: 'Recently opened' });
  await expect(recent.getByRole('link')).toHaveCount(1);
  await recent.getByRole('link', { name: new RegExp(states.conversation.id) }).click();
  await expect(page.getByTestId('conversation-id')).toHaveText(states.conversation.id);
  await page.goBack();
  await page.getByRole('region', { name: 'Recently opened' }).getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('region', { name: 'Recently opened' })).toHaveCount(0);
});

test('the Download menu saves Markdown, HTML and JSON, and the HTML file reads offline from disk', async ({ page, context }) => {
  await page.goto(transcriptUrl(trip.conversation.id));
  // The server reads the whole conversation for an export, whatever the page has loaded so far.
  await expect(items(page).first()).toBeVisible();
  const save = async (label: string) => {
    await page.getByText('Download ▾').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: new RegExp(`^${label}`) }).click()]);
    // Saved under its own name, so the HTML file opens from disk as HTML.
    const path = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), path };
  };

  const json = await save('JSON');
  expect(json.name).toBe(`${trip.conversation.id}.json`);
  const saved = JSON.parse(readFileSync(json.path, 'utf8')) as { format: string; conversation: { id: string }; items: { id: string }[] };
  expect(saved.format).toBe('conversation-viewer/1');
  expect(saved.conversation.id).toBe(trip.conversation.id);
  expect(saved.items.map((item) => item.id)).toEqual(trip.items.map((item) => item.id));

  const markdown = await save('Markdown');
  expect(markdown.name).toBe(`${trip.conversation.id}.md`);
  expect(readFileSync(markdown.path, 'utf8')).toMatch(/^# Conversation conv_[\s\S]*## Turn 1/);

  const html = await save('HTML');
  expect(html.name).toBe(`${trip.conversation.id}.html`);
  const offline = await context.newPage();
  const problems: string[] = [];
  offline.on('pageerror', (error) => problems.push(error.message));
  offline.on('console', (message) => problems.push(message.text()));
  await offline.goto(`file://${html.path}`);
  await expect(offline.getByRole('heading', { level: 1 })).toHaveText(`Conversation ${trip.conversation.id}`);
  await expect(offline.locator('article')).toHaveCount(trip.items.length);
  expect(await offline.locator('script').count()).toBe(0);
  expect(problems).toEqual([]);
});
