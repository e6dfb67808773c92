import { expect, test, type Page } from '@playwright/test';
import { origin, PORTS } from './servers.ts';
import { expectComplete } from './transcript-helpers.ts';

test.use({ baseURL: origin(PORTS.faults) });

// The fault upstream's growing conversations change 4 s and 8 s after they are first asked for.
const run = () => Math.random().toString(36).slice(2, 10);
const item = (page: Page, id: string) => page.locator(`[data-item-id="${id}"]`);

test('a conversation that grows while the page is open: new items appear, the in_progress answer finishes in place, a deleted item is marked', async ({ page }) => {
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  // A mark on this document: a reload would lose it.
  await page.evaluate(() => document.documentElement.setAttribute('data-same-document', ''));
  const answer = item(page, 'msg_answer');
  await expect(answer).toContainText('in progress');
  await expect(page.getByRole('switch', { name: 'Live' })).toHaveAttribute('aria-checked', 'true');
  // The reader collapses the answer while it is being written; it stays collapsed when it finishes.
  await answer.getByRole('button', { name: 'Collapse' }).click();
  await expect(answer).toHaveAttribute('data-collapsed', '');

  await expect(item(page, 'msg_new_1')).toBeVisible({ timeout: 20_000 });
  await expect(answer).not.toContainText('in progress', { timeout: 20_000 });
  await expect(answer).toHaveAttribute('data-collapsed', '');
  await expect(page.getByTestId('live-status')).toHaveText(/^Live · updated \d+ s ago$/);

  await expect(item(page, 'msg_new_3')).toBeVisible({ timeout: 25_000 });
  await expect(page.getByTestId('item-count')).toHaveText('5 items (1 removed since loaded)');
  const order = await page.locator('[data-item-id]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-item-id')));
  expect(order).toEqual(['msg_question', 'msg_answer', 'msg_new_1', 'msg_new_2', 'msg_new_3']);
  await expect(page.locator('li', { has: item(page, 'msg_question') }).getByTestId('removed-notice')).toBeVisible();
  await expect(answer).toHaveAttribute('data-collapsed', '');
  // The search finds what arrived.
  await page.getByRole('searchbox').fill('thank you');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect(page.locator('html')).toHaveAttribute('data-same-document', '');
});

test('a reader scrolled away stays put and sees a pill; the pill takes them to the new items', async ({ page }) => {
  await page.goto(`/c/conv_fault_growinglong_${run()}?source=openai`);
  await expectComplete(page, 62);
  await expect(page.getByTestId('position')).toHaveText('Item 1 of 62');
  const pill = page.getByTestId('new-items-pill');
  await expect(pill).toHaveText('3 new items ↓', { timeout: 25_000 });
  await expect(page.getByTestId('position')).toHaveText('Item 1 of 65');
  await expect(item(page, 'msg_0000')).toBeInViewport();
  await pill.click();
  await expect(item(page, 'msg_new_3')).toBeInViewport();
  await expect(pill).toBeHidden();
});

test('a search that found nothing counts a match that arrives later, and leaves the reader where they are reading', async ({ page }) => {
  await page.goto(`/c/conv_fault_growinglong_${run()}?source=openai`);
  await expectComplete(page, 62);
  const search = page.getByRole('searchbox', { name: 'Search the transcript' });
  await search.fill('rain');
  await expect(page.getByTestId('match-count')).toHaveText('No matches');
  await expect(page.getByTestId('new-items-pill')).toHaveText('1 new item ↓', { timeout: 20_000 });
  await expect(page.getByTestId('match-count')).toHaveText('1 match');
  await expect(item(page, 'msg_0000')).toBeInViewport();
  // Enter takes the reader there.
  await search.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect(item(page, 'msg_new_1')).toBeInViewport();
});

test('a burst of 500 new items, more than a check looks back, arrives in order with the reader kept in place, without reloading', async ({ page }) => {
  await page.goto(`/c/conv_fault_burst_${run()}?source=openai`);
  await expectComplete(page, 3);
  await page.evaluate(() => document.documentElement.setAttribute('data-same-document', ''));
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/stream')) streams.push(request.url());
  });
  await expect(page.getByTestId('new-items-pill')).toHaveText('500 new items ↓', { timeout: 25_000 });
  await expect(page.getByTestId('item-count')).toHaveText('503 items');
  await expect(item(page, 'msg_question')).toBeInViewport();
  await expect(page.getByTestId('live-status')).toHaveText(/^Live · updated \d+ s ago$/);
  await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
  await page.getByTestId('new-items-pill').click();
  await expect(item(page, 'msg_0500')).toBeInViewport();
  await page.getByRole('searchbox').fill('Message number 250');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect(item(page, 'msg_0250')).toBeInViewport();
  // Read on from the newest item held: never the whole conversation again.
  expect(streams).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('data-same-document', '');
});

test('a reader at the end follows new items as they arrive', async ({ page }) => {
  await page.goto(`/c/conv_fault_growinglong_${run()}?source=openai`);
  await expectComplete(page, 62);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(item(page, 'msg_answer')).toBeInViewport();
  await expect(item(page, 'msg_new_3')).toBeInViewport({ timeout: 25_000 });
  await expect(page.getByTestId('new-items-pill')).toBeHidden();
});

test('on a phone, Live checks that fail show on the folded View button, to the eye and to a screen reader', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.route(/\/items\?order=desc/, (route) => route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ error: { message: 'Bad gateway.', type: 'server_error' } }) }));
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  const view = page.getByRole('button', { name: /View ▾/ });
  await expect(view).toHaveAccessibleName('Live failing · View ▾', { timeout: 15_000 });
  await expect(view.getByText('Live failing')).toBeVisible();
  // The Live line itself is folded away with the other controls; unfolded, it says what failed.
  await expect(page.getByTestId('live-status')).toBeHidden();
  await view.click();
  await expect(page.getByTestId('live-status')).toContainText('update failed');
});

test('turning Live off stops polling; the state says so', async ({ page }) => {
  const polls: string[] = [];
  page.on('request', (request) => {
    if (/\/items\?order=desc/.test(request.url())) polls.push(request.url());
  });
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  const live = page.getByRole('switch', { name: 'Live' });
  await live.click();
  await expect(live).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('live-status')).toHaveText('Live off');
  const count = polls.length;
  await page.waitForTimeout(9_000);
  expect(polls.length).toBe(count);
  await expect(item(page, 'msg_new_1')).toHaveCount(0);
  await live.click();
  await expect(item(page, 'msg_new_3')).toBeVisible({ timeout: 10_000 });
});

test('Live turned off stays off in this browser for the next transcript, until it is turned on', async ({ page }) => {
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  const live = page.getByRole('switch', { name: 'Live' });
  await live.click();
  await expect(live).toHaveAttribute('aria-checked', 'false');
  const polls: string[] = [];
  page.on('request', (request) => {
    if (/\/items\?order=desc/.test(request.url())) polls.push(request.url());
  });
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  await expect(live).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('live-status')).toHaveText('Live off');
  await page.waitForTimeout(4_000);
  expect(polls).toEqual([]);
  await live.click();
  await page.reload();
  await expect(live).toHaveAttribute('aria-checked', 'true');
});

test('newest first with a deep link: the linked item stays highlighted and in place while items arrive above it', async ({ page }) => {
  await page.goto(`/c/conv_fault_growinglong_${run()}?source=openai&order=desc#msg_0030`);
  await expectComplete(page, 62);
  const linked = item(page, 'msg_0030');
  await expect(linked).toHaveClass(/item-highlight/);
  await expect(linked).toBeInViewport();
  await expect(page.getByTestId('new-items-pill')).toHaveText('3 new items ↑', { timeout: 25_000 });
  await expect(page.getByTestId('item-count')).toHaveText(/^65 items( \(1 removed since loaded\))?$/);
  await expect(linked).toHaveClass(/item-highlight/);
  await expect(linked).toBeInViewport();
  await expect(page.locator('.item-highlight')).toHaveCount(1);
  await page.getByTestId('new-items-pill').click();
  await expect(item(page, 'msg_new_3')).toBeInViewport();
  const top = await page.locator('li[data-view-index="0"] [data-item-id]').getAttribute('data-item-id');
  expect(top).toBe('msg_new_3');
});

test('a hidden tab does not poll, and looks at once when it is shown again', async ({ page }) => {
  const polls: number[] = [];
  page.on('request', (request) => {
    if (/\/items\?order=desc/.test(request.url())) polls.push(Date.now());
  });
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  await expect.poll(() => polls.length).toBeGreaterThan(0);
  const setHidden = (hidden: boolean) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  const count = polls.length;
  await page.waitForTimeout(9_000);
  expect(polls.length).toBe(count);
  await setHidden(false);
  await expect(item(page, 'msg_new_3')).toBeVisible({ timeout: 5_000 });
});

test('newest first, a reader at the top follows new items as they arrive there', async ({ page }) => {
  await page.goto(`/c/conv_fault_growinglong_${run()}?source=openai&order=desc`);
  await expectComplete(page, 62);
  await expect(item(page, 'msg_answer')).toBeInViewport();
  await expect(item(page, 'msg_new_3')).toBeInViewport({ timeout: 25_000 });
  await expect(page.locator('li[data-view-index="0"] [data-item-id]')).toHaveAttribute('data-item-id', 'msg_new_3');
  await expect(page.getByTestId('new-items-pill')).toBeHidden();
});

test('newest first, a reader at the top stays there when the newest end arrives after the oldest', async ({ page }) => {
  // The fault upstream answers the newest end's first page 0.8 s late: the oldest 100 items come first (below the
  // place held for the middle), and the newest arrive above them.
  await page.goto(`/c/conv_fault_slowtail_${run()}?source=openai&order=desc`);
  await expect(page.locator('[data-item-id]').first()).toBeAttached();
  await expectComplete(page, 120);
  await expect(item(page, 'msg_0119')).toBeInViewport();
  await expect(page.locator('li[data-view-index="0"] [data-item-id]')).toHaveAttribute('data-item-id', 'msg_0119');
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
});

test('the Share dialog opened again shows the conversation as it is now: its preview and its item list', async ({ page }) => {
  // The store opens first (seconds on a busy machine, on a fresh server): the conversation grows 4 s after it is first
  // read, and the dialog's first preview must come before that.
  expect((await page.request.get('/api/snapshots/AAAAAAAAAAAAAAAAAAAAAAAA')).status()).toBe(404);
  await page.goto(`/c/conv_fault_growing_${run()}?source=openai`);
  await expectComplete(page, 2);
  const share = page.getByRole('button', { name: 'Share snapshot…' });
  await share.click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await expect(dialog).toContainText('of 2 items.', { timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Choose items to leave out…' }).click();
  await expect(dialog.locator('[data-chooser-item]')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Live brings the new items; the dialog opened again reads the conversation again and lists them.
  await expect(item(page, 'msg_new_3')).toBeVisible({ timeout: 25_000 });
  await share.click();
  await expect(dialog.locator('[data-chooser-item="msg_new_3"]')).toHaveCount(1);
  await expect(dialog).not.toContainText('of 2 items.', { timeout: 20_000 });
});
