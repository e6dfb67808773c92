import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { downloadChoice } from './transcript-helpers.ts';


const ID = 'conv_hostile_e2e';
const transcript = `/c/${ID}?source=demo&order=asc`;
const HOSTILE = { toString: 'not a function', valueOf: 'nor this' };

/** Too deep for JSON.stringify, so it stays text here and is spliced into the answer as it is. */
const DEEP = `${'{"nested":['.repeat(5_000)}"bottom"${']}'.repeat(5_000)}`;

/** The page's own requests for this conversation get these items, as if an upstream had sent them. */
async function serveItems(page: Page, items: Record<string, unknown>[], remoteImages: 'load' | 'ask' = 'load') {
  await page.route('**/api/sources', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), remoteImages } });
  });
  await page.route(`**/api/sources/demo/conversations/${ID}`, (route) => route.fulfill({ json: { id: ID, object: 'conversation', created_at: 1_760_000_000, metadata: {} } }));
  const line = JSON.stringify({ type: 'items', end: 'head', items }).replaceAll('"$DEEP"', DEEP);
  await page.route(`**/api/sources/demo/conversations/${ID}/stream**`, (route) =>
    route.fulfill({ contentType: 'application/x-ndjson', body: `${line}\n${JSON.stringify({ type: 'done' })}\n` }),
  );
}

/** Every request the page makes to a host other than the viewer. */
function watchOutside(page: Page) {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) outside.push(request.url());
  });
  return outside;
}

test('items nested 5,000 levels deep, with toString objects or a __proto__ phase, all show', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await serveItems(page, [
    { id: 'item_deep', type: 'custom_thing', payload: '$DEEP' },
    { id: 'msg_deep', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Deep metadata below.', annotations: [] }], extra: '$DEEP' },
    { id: 'msg_proto', type: 'message', role: 'assistant', phase: '__proto__', status: HOSTILE, content: 'Still readable.' },
    { id: 'fs_hostile', type: 'file_search_call', status: 'completed', queries: [HOSTILE] },
  ]);
  await page.goto(transcript);
  await expect(page.locator('[data-item-id]')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.locator('[data-item-id="msg_deep"]')).toContainText('Deep metadata below.');
  await expect(page.locator('[data-item-id="msg_proto"]')).toContainText('__proto__');
  await expect(page.locator('[data-item-id="msg_proto"]')).toContainText('Still readable.');
  await expect(page.locator('[data-item-id="fs_hostile"]')).toContainText('not a function');
  await expect(page.getByText('could not be displayed')).toHaveCount(0);
  await page.getByText('Download ▾').click();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadChoice(page, /^JSON/).click()]);
  const saved = await readFile((await download.path())!, 'utf8');
  expect(saved).toContain('"bottom"');
  expect(errors).toEqual([]);
});

test('Show more on a million unbroken characters keeps the tab responsive', async ({ page }) => {
  await serveItems(page, [{ id: 'msg_long', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'A'.repeat(1_000_000) }] }]);
  await page.goto(transcript);
  const item = page.locator('[data-item-id="msg_long"]');
  await item.getByRole('button', { name: 'Show more (1,000,000 characters)' }).click();
  // The next frame comes within moments, not after the tens of seconds a whole megabyte of layout took.
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  expect(Date.now() - started).toBeLessThan(3_000);
  await expect(item.getByRole("button", { name: /Show [\d,]+ more characters/ })).toBeVisible();
  // From the keyboard, the focus stays where the reader can see it, though the new text pushes the button far down.
  await item.getByRole('button', { name: /Show [\d,]+ more characters/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement!.getBoundingClientRect()).then((box) => box.top < 720 && box.bottom > 0)).toBe(true);
});

test('text copied across the blocks of a long line comes out as written, without added line breaks', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const text = '0123456789'.repeat(10_000);
  await serveItems(page, [{ id: 'msg_line', type: 'message', role: 'user', content: [{ type: 'input_text', text }] }]);
  await page.goto(transcript);
  const item = page.locator('[data-item-id="msg_line"]');
  await item.getByRole('button', { name: 'Show more (100,000 characters)' }).click();
  // The text's blocks: spans each laid out on its own.
  await expect(item.locator('span[style*="contain-intrinsic-size"]').nth(1)).toBeAttached();
  // From near the end of the first block to a little way into the second.
  await page.evaluate(() => {
    const blocks = document.querySelectorAll('[data-item-id="msg_line"] span[style*="contain-intrinsic-size"]');
    const range = document.createRange();
    range.setStart(blocks[0].firstChild!, 4_990);
    range.setEnd(blocks[1].firstChild!, 15);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text.slice(4_990, 5_015));
});

test('direction controls in a Markdown heading, in text shown as written and in code and tool output show as code points, in the page and its HTML export alike', async ({ page }) => {
  const trojan = 'if (role != "admin\u202E \u2066// is user\u2069 \u2066") {';
  const shownTrojan = 'if (role != "admin[U+202E] [U+2066]// is user[U+2069] [U+2066]") {';
  await serveItems(page, [
    { id: 'msg_user', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Run report\u202Etxt.exe for me' }] },
    { id: 'msg_head', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: '## Attached: report\u2067\u202Etxt.exe\u2069\n\nDone.', annotations: [] }] },
    { id: 'msg_code', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: `The fix:\n\n\`\`\`js\n${trojan}\n\`\`\``, annotations: [] }] },
    { id: 'fc_trojan', type: 'function_call', call_id: 'call_trojan', name: 'write_file', arguments: JSON.stringify({ path: 'a.js', text: trojan }), status: 'completed' },
    { id: 'fco_trojan', type: 'function_call_output', call_id: 'call_trojan', output: `wrote: ${trojan}` },
  ]);
  await page.goto(transcript);
  const user = page.locator('[data-item-id="msg_user"]');
  const heading = page.locator('[data-item-id="msg_head"]').getByRole('heading', { name: /Attached/ });
  await expect(user).toContainText('Run report[U+202E]txt.exe for me', { timeout: 30_000 });
  await expect(heading).toHaveText('Attached: report[U+2067][U+202E]txt.exe[U+2069]');
  await expect(page.locator('[data-item-id="msg_code"] pre')).toContainText(shownTrojan);
  const tool = page.locator('[data-item-id="fc_trojan"]');
  // The folded row's one line of arguments.
  await expect(tool).toContainText('admin[U+202E] [U+2066]//');
  await tool.getByRole('button', { name: 'Expand' }).click();
  await expect(tool).toContainText(`wrote: ${shownTrojan}`);
  expect(await page.locator('main').textContent()).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  await page.getByText('Download ▾').click();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadChoice(page, /^HTML/).click()]);
  const saved = await readFile((await download.path())!, 'utf8');
  expect(saved).toContain('<div class="text">Run report[U+202E]txt.exe for me</div>');
  expect(saved).toContain('<h2>Attached: report[U+2067][U+202E]txt.exe[U+2069]</h2>');
  expect(saved).toContain(`wrote: ${shownTrojan}`);
  expect(saved).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
});

test('a citation URL cannot inject an image or a link into the answer', async ({ page }) => {
  const outside = watchOutside(page);
  const url = 'mailto:help@example.com> ![t](https://canary.invalid/injected.png) **Click to verify your account** [now](https://evil.example/login) <x';
  await serveItems(page, [
    { id: 'msg_cite', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Your order shipped.', annotations: [{ type: 'url_citation', url, title: 'Support', start_index: 0, end_index: 18 }] }] },
  ]);
  await page.goto(transcript);
  const item = page.locator('[data-item-id="msg_cite"]');
  await expect(item.locator('[data-citation]').first()).toBeVisible({ timeout: 30_000 });
  await expect(item.getByText('Click to verify your account')).toHaveCount(0);
  await expect(item.locator('img')).toHaveCount(0);
  expect(outside.filter((request) => request.includes('canary.invalid'))).toEqual([]);
});

test('with VIEWER_REMOTE_IMAGES=ask, no remote image loads until the reader says so', async ({ page }) => {
  const outside = watchOutside(page);
  await page.route('https://images.example/**', (route) => route.fulfill({ status: 404, body: '' }));
  await serveItems(
    page,
    [
      { id: 'msg_img1', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'https://images.example/one.png' }] },
      { id: 'msg_img2', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'https://images.example/two.png' }] },
    ],
    'ask',
  );
  await page.goto(transcript);
  await expect(page.getByRole('button', { name: 'Load images in this item' })).toHaveCount(2, { timeout: 30_000 });
  expect(outside.filter((request) => request.includes('images.example'))).toEqual([]);
  await page.getByRole('button', { name: 'Load images in this item' }).first().click();
  await expect.poll(() => outside.filter((request) => request.includes('images.example'))).toEqual(['https://images.example/one.png']);
  await page.getByRole('button', { name: 'Load all images in this conversation' }).click();
  await expect.poll(() => outside.filter((request) => request.includes('images.example')).length).toBe(2);
});

test('on the narrowest phone, a tool name with no room to break wraps inside the run summary: the page never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const name = `<img_src=x_onerror=window.__pwned=1>_${'x'.repeat(20)}`;
  await serveItems(page, [
    { id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Call it.' }] },
    { id: 'fc_1', type: 'function_call', call_id: 'call_1', name, arguments: '{}', status: 'completed' },
  ]);
  await page.goto(transcript);
  await expect(page.getByTestId('summary-tools')).toContainText(name);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
