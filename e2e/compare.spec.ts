import { seriousViolations } from './axe.ts';
import { expect, test } from '@playwright/test';
import { DETOUR_ITEMS, FORK_ITEMS } from '../src/server/testing/fault-upstream.ts';
import { demo } from './demo-data.ts';
import { origin, PORTS } from './servers.ts';
import { scrollSettled } from './transcript-helpers.ts';

const good = demo('forked-run-good');
const sideways = demo('forked-run-sideways');
const compareUrl = (a: string, b: string) => `/compare?a=${a}&b=${b}&source=demo`;

test('two forked runs: where they part, what changed, and stepping through the differences @phone', async ({ page }) => {
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));

  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
  await expect(page.getByTestId('items-a')).toHaveText(String(good.items.length));
  await expect(page.getByTestId('items-b')).toHaveText(String(sideways.items.length));
  await expect(page.getByTestId('failures-a')).toHaveText('0');
  await expect(page.getByTestId('failures-b')).toHaveText('2');

  // Rows are matched by content: the patch both runs made pairs up as changed, though every ID differs.
  const rows = page.locator('[data-diff]');
  await expect(rows).toHaveCount(6);
  expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-diff')))).toEqual(['changed', 'changed', 'only-a', 'only-b', 'only-b', 'changed']);
  const patchA = good.items.find((item) => item.type === 'function_call' && JSON.stringify(item).includes('apply_patch'))!;
  const patchB = sideways.items.find((item) => item.type === 'function_call' && JSON.stringify(item).includes('apply_patch'))!;
  const firstChange = rows.first();
  await expect(firstChange).toHaveAttribute('data-a-id', patchA.id);
  await expect(firstChange).toHaveAttribute('data-b-id', patchB.id);
  // It opens at the first difference, with a structural diff of the arguments.
  await expect(firstChange).toHaveAttribute('aria-current', 'true');
  await expect(firstChange).toBeInViewport();
  await expect(firstChange).toContainText('path: "src/lib/format-price.ts"');
  await expect(firstChange).toContainText('path: "src/cart/cart-total.tsx"');
  await expect(firstChange.locator('del')).not.toHaveCount(0);
  await expect(firstChange.locator('ins')).not.toHaveCount(0);
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');

  // A failure on one side only is marked on that side of its row.
  const tests = rows.nth(1);
  await expect(tests.getByTestId('failed-here')).toHaveCount(1);

  // Next and previous, by button and by key.
  await page.getByRole('button', { name: 'Next difference' }).click();
  await expect(tests).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('n');
  await expect(rows.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(rows.nth(2)).toHaveAttribute('data-diff', 'only-a');
  await expect(page.getByTestId('difference-position')).toHaveText('3 of 6 differences');
  await page.keyboard.press('p');
  await page.getByRole('button', { name: 'Previous difference' }).click();
  await expect(firstChange).toHaveAttribute('aria-current', 'true');

  // The shared start is one folded line, and opens into its rows.
  const fold = page.getByTestId('identical-fold');
  await expect(fold).toHaveText(/11 identical items/);
  await fold.click();
  await expect(fold).toHaveCount(0);
  // Its rows pushed the first difference down the page, which leaves it current; the reader scrolling away from it,
  // to the foot of the page and back up to the top, does not.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await scrollSettled(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Next goes on from the top of the screen as it is once the scroll has come to rest.
  await scrollSettled(page);
  await expect(page.locator('[data-diff="same"]').first()).toHaveAttribute('data-a-id', good.items[0].id);
  await expect(page.locator('[data-diff="same"]').first()).toHaveAttribute('data-b-id', sideways.items[0].id);

  // Scrolled away from it, the current difference lets go, and Next goes on from the top of the screen.
  await expect(page.getByTestId('difference-position')).toHaveText('6 differences');
  await page.keyboard.press('n');
  const patches = page.locator(`[data-diff][data-a-id="${patchA.id}"]`);
  await expect(patches).toHaveAttribute('aria-current', 'true');
  await expect(patches).toBeInViewport();
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
});

test('after Next difference the focus stays on the button, and Tab goes on into the difference it showed', async ({ page }) => {
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  const next = page.getByRole('button', { name: 'Next difference' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('difference-position')).toHaveText('2 of 6 differences');
  await scrollSettled(page);
  await expect(next).toBeFocused();
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Tab');
  // The row of the difference shown holds the focus now, where the reader is: not a control up the page from it.
  const current = page.locator('li', { has: page.locator('[data-diff][aria-current="true"]') });
  await expect(current).toBeFocused();
  await expect(current).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  // A click on the button does the same.
  await next.click();
  await expect(page.getByTestId('difference-position')).toHaveText('3 of 6 differences');
  await page.keyboard.press('Tab');
  await expect(current).toBeFocused();
  await expect(current.locator('[data-diff]')).toHaveAttribute('data-diff', 'only-a');
});

test('Tab from Next difference brings the difference it shows into view when rows opened above pushed it off the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  await scrollSettled(page);
  // The eleven identical items above the first difference open, and push it below the screen.
  await page.getByTestId('identical-fold').click();
  await scrollSettled(page);
  const current = page.locator('li', { has: page.locator('[data-diff][aria-current="true"]') });
  await expect(current).not.toBeInViewport();
  await page.getByRole('button', { name: 'Next difference' }).focus();
  await page.keyboard.press('Tab');
  await expect(current).toBeFocused();
  await expect(current).toBeInViewport();
});

test('a comparison link copied at a difference opens at that difference @phone', async ({ page, context }) => {
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect(page.getByTestId('difference-position')).toHaveText('4 of 6 differences');
  // A row only run B has is named by its item in run B.
  const current = page.locator('[data-diff][aria-current="true"]');
  await expect(current).toHaveAttribute('data-diff', 'only-b');
  const onlyB = await current.getAttribute('data-b-id');
  await expect(page).toHaveURL(new RegExp(`&source=demo#b:${onlyB}$`));

  const reader = await context.newPage();
  await reader.goto(page.url());
  await expect(reader.getByTestId('difference-position')).toHaveText('4 of 6 differences');
  const opened = reader.locator('[data-diff][aria-current="true"]');
  await expect(opened).toHaveAttribute('data-b-id', onlyB!);
  await expect(opened).toBeInViewport();

  // Stepping back names the row by run A's item; a link whose fragment names no row opens at the first difference.
  await reader.keyboard.press('p');
  await expect(reader).toHaveURL(new RegExp(`#a:${await reader.locator('[data-diff][aria-current="true"]').getAttribute('data-a-id')}$`));
  await page.close();
  await reader.close();
  const stranger = await context.newPage();
  await stranger.goto(`${compareUrl(good.conversation.id, sideways.conversation.id)}#a:msg_nosuchitem`);
  await expect(stranger.getByTestId('difference-position')).toHaveText('1 of 6 differences');
});

test('a comparison is a link: Compare with… from a transcript opens it', async ({ page }) => {
  await page.goto(`/c/${good.conversation.id}?source=demo`);
  await page.getByRole('button', { name: 'Compare with…' }).click();
  // The form loads with the first click, and its field takes the focus as it arrives.
  await expect(page.getByLabel('Compare this run with')).toBeFocused();
  // Closed and opened again, the dialog still has what was typed.
  await page.getByLabel('Compare this run with').fill(sideways.conversation.id.slice(0, 12));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Compare this run with')).toBeHidden();
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await expect(page.getByLabel('Compare this run with')).toHaveValue(sideways.conversation.id.slice(0, 12));
  await expect(page.getByLabel('Compare this run with')).toBeFocused();
  await page.getByLabel('Compare this run with').fill(sideways.conversation.id);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${good.conversation.id}&b=${sideways.conversation.id}&source=demo$`));
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');

  await page.goto('/');
  // The home page's section is named for what it does, as the compare page is.
  await expect(page.getByRole('heading', { name: 'Compare two runs' })).toBeVisible();
  await page.getByLabel('Run A', { exact: true }).fill(sideways.conversation.id);
  await page.getByLabel('Run B', { exact: true }).fill(`http://example.test/c/${good.conversation.id}?source=demo`);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`a=${sideways.conversation.id}&b=${good.conversation.id}&source=demo`));
  await expect(page.locator('[data-diff]').first()).toHaveAttribute('data-a-id', /^fc_/);
});

test('a comparison link that names one run asks for the other, with the one it named filled in', async ({ page }) => {
  await page.goto(`/compare?a=${good.conversation.id}&source=demo`);
  await expect(page.getByTestId('compare-half-link')).toHaveText('This link names run A only. Name run B to compare them.');
  await expect(page.getByLabel('Run A', { exact: true })).toHaveValue(good.conversation.id);
  await expect(page.getByLabel('Run B', { exact: true })).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Run B', { exact: true }).fill(sideways.conversation.id);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${good.conversation.id}&b=${sideways.conversation.id}&source=demo$`));
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');

  await page.goto(`/compare?b=${sideways.conversation.id}`);
  await expect(page.getByTestId('compare-half-link')).toHaveText('This link names run B only. Name run A to compare them.');
  await expect(page.getByLabel('Run B', { exact: true })).toHaveValue(sideways.conversation.id);
  await expect(page.getByLabel('Run A', { exact: true })).toBeFocused();
});

test('a source written in another case is read as the source it names, and the address says it as the viewer does', async ({ page }) => {
  await page.goto(`/compare?a=${good.conversation.id}&b=${sideways.conversation.id}&source=Demo`);
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${good.conversation.id}&b=${sideways.conversation.id}&source=demo$`));
});

test('a comparison link pasted where a conversation is opened opens the comparison', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Conversation ID, API URL or share link').fill(`https://viewer.example.test${compareUrl(good.conversation.id, sideways.conversation.id)}`);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${good.conversation.id}&b=${sideways.conversation.id}&source=demo$`));
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
});

test('Compare with… reads an API URL from its provider’s source, or says this viewer has none', async ({ page }) => {
  const compareWith = async (text: string) => {
    await page.getByRole('button', { name: 'Compare with…' }).click();
    await page.getByLabel('Compare this run with').fill(text);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
  };
  // The demo viewer has no OpenAI source: the same words as the home page, not a comparison with a demo run.
  await page.goto(`/c/${good.conversation.id}?source=demo`);
  await compareWith('https://api.openai.com/v1/conversations/conv_fault_fork_b');
  await expect(page.getByRole('alert')).toHaveText(/^That is an OpenAI URL, but this viewer has no OpenAI source set up\./);
  await expect(page).toHaveURL(/\/c\//);

  // A viewer with one reads that side from it, whatever source the other side has.
  await page.goto(`${origin(PORTS.faults)}/c/${good.conversation.id}?source=demo`);
  await compareWith('https://api.openai.com/v1/conversations/conv_fault_fork_b');
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${good.conversation.id}&b=conv_fault_fork_b&a_source=demo&b_source=openai$`));
  await expect(page.getByTestId('items-b')).toHaveText(String(FORK_ITEMS));
});

test('a file opened in this tab can be one side', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Or paste JSON').fill(sideways.items.map((item) => JSON.stringify(item)).join('\n'));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page).toHaveURL(/\/file/);
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await page.getByLabel('Compare this run with').fill(good.conversation.id);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=file&b=${good.conversation.id}`));
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
  await expect(page.locator('[data-diff]').first()).toHaveAttribute('data-a-id', sideways.items[11].id);

  // The file lives in the tab that opened it: a reload has none, and the page says which side is missing.
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Run A: No file is open in this tab');
});

test('a file that is one page of a longer run says so on its side of the comparison, as on its own page', async ({ page }) => {
  await page.goto('/');
  const onePage = { object: 'list', data: sideways.items, first_id: sideways.items[0].id, last_id: sideways.items.at(-1)!.id, has_more: true };
  await page.getByLabel('Or paste JSON').fill(JSON.stringify(onePage));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page.getByRole('region', { name: 'Local file' })).toContainText('the page says more follow');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await page.getByLabel('Compare this run with').fill(good.conversation.id);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
  await expect(page.getByTestId('note-a')).toHaveText(`This file is one page of the conversation's items, and the page says more follow (has_more): only the ${sideways.items.length} on it are shown.`);
  await expect(page.getByTestId('note-b')).toHaveCount(0);
});

test('identical runs say so; an unknown conversation names its side', async ({ page }) => {
  await page.goto(compareUrl(good.conversation.id, good.conversation.id));
  await expect(page.getByTestId('compare-headline')).toHaveText(`The runs are identical: the same ${good.items.length} items, in the same order.`);
  await expect(page.locator('[data-diff]')).toHaveCount(0);
  await expect(page.getByTestId('compare-same-run')).toContainText('A and B are the same run');
  // A source written in another case is the source of that ID.
  await page.goto(`/compare?a=${good.conversation.id}&b=${good.conversation.id}&source=Demo`);
  await expect(page.getByTestId('compare-headline')).toHaveText(`The runs are identical: the same ${good.items.length} items, in the same order.`);

  await page.goto(compareUrl(good.conversation.id, 'conv_nosuchconversation0000'));
  await expect(page.getByRole('alert')).toContainText('Run B (conv_nosuchconversation0000)');
  await expect(page.getByTestId('compare-same-run')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(1);
  // Its card says so too, instead of loading for ever, and there is no comparison to share.
  await expect(page.getByTestId('summary-b')).toContainText('Could not be read');
  await expect(page.getByTestId('items-a')).toHaveText(String(good.items.length));
  await expect(page.getByRole('button', { name: 'Share as snapshots…' })).toHaveCount(0);

  await page.goto('/compare?a=hello&b=conv_x&source=demo');
  await expect(page.getByRole('alert').first()).toContainText('Run A: “hello” is not a run the viewer can read');
});

test('a side that cannot be read still leaves the page its heading', async ({ page }) => {
  // An unknown snapshot, and an unknown source: no comparison, only the reason, under the page's heading.
  await page.goto(`/compare?a=s:AAAAAAAAAAAAAAAAAAAAAAAA&b=${sideways.conversation.id}&source=demo`);
  // The first snapshot read of a fresh server opens its store, which takes seconds on a busy machine.
  await expect(page.getByRole('alert').first()).toContainText('Run A', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Compare two runs' })).toBeVisible();
  await page.goto(`/compare?a=${good.conversation.id}&b=${sideways.conversation.id}&source=nosuch`);
  await expect(page.getByRole('alert').first()).toContainText('Unknown source “nosuch”');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare two runs' })).toBeVisible();
});

test('a side the client is still retrying says what failed meanwhile, not only that both runs are loading', async ({ page }) => {
  await page.goto(`${origin(PORTS.faults)}/compare?a=conv_fault_fork_a&b=conv_fault_503_side&source=openai`);
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('Run B (conv_fault_503_side)');
  await expect(alert).toContainText('OpenAI had a problem (HTTP 503)');
  await expect(alert).toContainText('Retrying automatically');
});

test('a comparison opens at its first difference, and moves the page to it only when it is not in view', async ({ page }) => {
  // Three identical items, folded, then the first difference: all of it on the first screen, so the page stays put.
  await page.goto(`${origin(PORTS.faults)}/compare?a=conv_fault_fork_a&b=conv_fault_fork_b&source=openai`);
  const first = page.locator('[data-diff]').first();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(first).toBeInViewport({ ratio: 1 });
  await scrollSettled(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // A first difference taller than the screen that starts in its upper two thirds is read from there: the page stays.
  const longAnswer = `${origin(PORTS.faults)}/compare?a=conv_fault_longanswer_a&b=conv_fault_longanswer_b&source=openai`;
  await page.goto(longAnswer);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(first).toBeInViewport();
  await scrollSettled(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // On a shorter screen, where it starts near the foot, it is brought up to just under the sticky bar.
  await page.setViewportSize({ width: 1280, height: 480 });
  await page.goto(longAnswer);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await scrollSettled(page);
  const barBottom = await page.getByTestId('compare-headline').evaluate((element) => element.closest('.sticky')!.getBoundingClientRect().bottom);
  const top = await first.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(barBottom);
  expect(top).toBeLessThan(barBottom + 24);
});

test('opening a fold above the current difference keeps it current, and keeps the reader’s place', async ({ page }) => {
  // A screen tall enough that the first difference shows below the fold of the eleven items before it.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  await scrollSettled(page);
  const fold = page.getByTestId('identical-fold');
  await expect(fold).toBeInViewport();
  const foldTop = await fold.evaluate((element) => element.getBoundingClientRect().top);
  await fold.click();
  await expect(fold).toHaveCount(0);
  // Its first row is where the fold was, with the focus; the page has not moved.
  const opened = page.locator('li[data-position="0"]');
  await expect(opened).toBeFocused();
  await scrollSettled(page);
  expect(Math.round(await opened.evaluate((element) => element.getBoundingClientRect().top))).toBe(Math.round(foldTop));
  // The rows pushed the first difference down the page, but the reader did not scroll away from it: it is still the
  // current one, and the next step goes on from it.
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  await page.keyboard.press('n');
  await expect(page.getByTestId('difference-position')).toHaveText('2 of 6 differences');
  await expect(page.locator('li:has(> [aria-current="true"]) [data-testid="failed-here"]')).toHaveCount(1);
});

test('a row the keyboard reaches under the sticky bar scrolls clear of it', async ({ page }) => {
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  // At the first difference, right under the sticky bar, the fold of the eleven items before it is under the bar.
  await expect(page.locator('[data-diff]').first()).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Next difference' }).click();
  await page.getByRole('button', { name: 'Previous difference' }).click();
  await expect(page.locator('[data-diff]').first()).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-diff]').first()).toBeInViewport();
  await scrollSettled(page);
  const fold = page.getByTestId('identical-fold');
  await expect(fold).toHaveText(/11 identical items/);
  const barBottom = () => page.getByTestId('compare-headline').evaluate((element) => element.closest('.sticky')!.getBoundingClientRect().bottom);
  const foldTop = () => fold.evaluate((element) => element.getBoundingClientRect().top);
  expect(await foldTop()).toBeLessThan(await barBottom());
  // Tab from Next goes into the difference it shows; Shift+Tab from there, to the fold above it.
  await page.getByRole('button', { name: /Next/ }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('li', { has: page.locator('[data-diff][aria-current="true"]') })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(fold).toBeFocused();
  expect(await foldTop()).toBeGreaterThanOrEqual(await barBottom());
});

test('a fold that holds the focus stays in the page while the reader scrolls far from it', async ({ page }) => {
  // Two runs of the fault upstream that differ in every fourth item: a long list of folds of three identical items.
  await page.goto(`${origin(PORTS.faults)}/compare?a=conv_fault_fork_a&b=conv_fault_fork_b&source=openai`);
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 3 items, then they part.');
  const folds = page.getByTestId('identical-fold');
  await expect(folds.first()).toBeVisible();
  await scrollSettled(page);
  const first = page.locator('li[data-position="0"]').getByTestId('identical-fold');
  await first.focus();
  await expect(first).toBeFocused();
  // To the end and back to the middle: the list renders other rows, and keeps the focused fold.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator(`li[data-position="${FORK_ITEMS / 2 - 1}"]`)).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(page.locator('li[data-position="1"]')).toHaveCount(0);
  await expect(first).toBeFocused();
  // Back at the top, the reader's next key still acts on it: Enter opens the fold, its three items take its place,
  // and the first of them takes the focus.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(first).toBeInViewport();
  await page.keyboard.press('Enter');
  const opened = page.locator('li[data-position="0"]');
  await expect(opened).toContainText('Message number 0');
  await expect(opened).toBeFocused();
  await expect(opened.getByTestId('identical-fold')).toHaveCount(0);
  // Its focus shows once: the row's ring, without the page's focus outline around the row as well.
  await expect(opened).toHaveCSS('outline-style', 'none');
  await expect(opened.locator(':scope > *')).toHaveCSS('box-shadow', /0px 0px 0px 2px/);
});

test('a run of items only one side has is one line, a difference of its own, that opens into its rows', async ({ page }) => {
  // Run B takes a detour of twelve items (nine rows: a call and its output are one) that run A does not; run A has
  // two items of its own further on, too few to fold.
  await page.goto(`${origin(PORTS.faults)}/compare?a=conv_fault_detour_a&b=conv_fault_detour_b&source=openai`);
  const group = page.getByTestId('one-sided-fold');
  await expect(group).toHaveText(new RegExp(`Only in B${DETOUR_ITEMS} items only in run BShow`));
  await expect(page.locator('[data-diff="only-b"]')).toHaveCount(0);
  await expect(page.locator('[data-diff="only-a"]')).toHaveCount(2);
  // It is the first difference, and stepping treats it as one.
  await expect(group).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 3 differences');
  await page.keyboard.press('n');
  await expect(page.locator('[data-diff="only-a"]').first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('p');
  await expect(group).toHaveAttribute('aria-current', 'true');

  // By the keyboard, as a fold of identical items: Enter opens it, its rows take its place, the first takes the focus
  // and stays the current difference.
  await group.focus();
  await page.keyboard.press('Enter');
  await expect(group).toHaveCount(0);
  const rows = page.locator('[data-diff="only-b"]');
  await expect(rows.first()).toHaveAttribute('data-b-id', 'msg_detour_0_q');
  await expect(rows.first()).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('li:has(> [data-b-id="msg_detour_0_q"])')).toBeFocused();
  // Nine rows, each a difference of its own now.
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 11 differences');
  // Stepping from a row takes the focus along: the focus ring and the current difference stay one.
  await page.keyboard.press('n');
  await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('li:has(> [aria-current="true"])')).toBeFocused();
  // At the first difference, Previous difference has nowhere to go, and keeps the focus.
  const previous = page.getByRole('button', { name: 'Previous difference' });
  await page.keyboard.press('p');
  // The step has landed (its row took the focus) before the focus moves on: else the row could take it back.
  await expect(rows.first()).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('li:has(> [aria-current="true"])')).toBeFocused();
  await previous.focus();
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(previous).toBeFocused();
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 11 differences');
});

test('the compare page without runs asks for them', async ({ page }) => {
  await page.goto('/compare');
  await expect(page.getByRole('heading', { name: 'Compare two runs' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Run A', { exact: true }).fill(good.conversation.id);
  await page.getByLabel('Run B', { exact: true }).fill(sideways.conversation.id);
  await page.getByLabel('Run B', { exact: true }).press('Enter');
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
});

test('a comparison can be stored as two snapshots, and its link holds still', async ({ page }) => {
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 11 items, then they part.');
  await page.getByRole('button', { name: 'Share as snapshots…' }).click();
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = await page.getByTestId('comparison-link').inputValue();
  expect(link).toMatch(/\/compare\?a=s%3A[\w-]+&b=s%3A[\w-]+$/);

  await page.goto(link);
  // System and developer messages are left out of both snapshots, as Share snapshot does by default.
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 9 items, then they part.');
  // Each side names its snapshot, so two snapshots of one run are told apart.
  const [snapshotA] = /a=s%3A([\w-]+)/.exec(link)!.slice(1);
  await expect(page.getByTestId('summary-a')).toContainText(`${good.conversation.id} · snapshot s:${snapshotA} of Demo`);
  await expect(page.locator('[data-diff]')).toHaveCount(6);
});

test('a snapshot that replaced terms, shared beside a live run: the dialog asks for them, and the run stored replaces them', async ({ page }) => {
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: good.conversation.id, redact: { terms: ['formatPrice'] } } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(compareUrl(`s:${id}`, sideways.conversation.id));
  await expect(page.getByTestId('compare-headline')).toBeVisible();
  await page.getByRole('button', { name: 'Share as snapshots…' }).click();
  const terms = page.getByRole('textbox', { name: 'Names and terms to replace, one a line' });
  await expect(terms).toHaveAccessibleDescription('The snapshot replaced 1 name or term of its own, which it does not record: type it here to replace it in this run too.');
  await terms.fill('formatPrice');
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = await page.getByTestId('comparison-link').inputValue();
  const [stored] = /b=s%3A([\w-]+)/.exec(link)!.slice(1);
  const items = await (await page.request.get(`/api/snapshots/${stored}/items?limit=1000`)).text();
  expect(JSON.stringify(sideways.items)).toContain('formatPrice');
  expect(items).toContain('[TERM_1]');
  expect(items).not.toContain('formatPrice');
});

test('a snapshot compared with another of the same run shows its own title and its snapshot', async ({ page }) => {
  const snapshot = async (title: string) => {
    const response = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: good.conversation.id, title } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const first = await snapshot('Before the retry');
  const second = await snapshot('After the retry');
  await page.goto(`/compare?a=s:${first}&b=s:${second}`);
  await expect(page.getByTestId('compare-headline')).toBeVisible();
  await expect(page.getByTestId('summary-a')).toContainText('Before the retry');
  await expect(page.getByTestId('summary-a')).toContainText(`snapshot s:${first}`);
  await expect(page.getByTestId('summary-b')).toContainText('After the retry');
  await expect(page.getByTestId('summary-b')).toContainText(`snapshot s:${second}`);
});

test('content one snapshot left out is left out of the other run too, and counts as no difference', async ({ page }) => {
  const agent = demo('agent-run');
  const snapshot = async (content: string[]) => {
    const response = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: agent.conversation.id, exclude: { roles: ['system', 'developer'], content } } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const withoutOutputs = await snapshot(['tool_outputs', 'images']);
  const whole = await snapshot([]);
  await page.goto(`/compare?a=s:${withoutOutputs}&b=s:${whole}`);
  await expect(page.getByTestId('compare-left-out')).toHaveText(
    'Run A’s snapshot left out tool outputs and images: they are left out of run B too, so they count as no difference.',
  );
  await expect(page.getByTestId('compare-headline')).toContainText('The runs are identical');
  await expect(page.getByTestId('failed-here')).toHaveCount(0);
  // A's failures cannot be told without its outputs: the original run's are shown, and said to be.
  await expect(page.getByTestId('failures-a')).toHaveText('2 in the original');
  await expect(page.getByTestId('failures-b')).toHaveText('2');
});

test('n and p do not step the comparison behind an open dialog', async ({ page }) => {
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  await page.getByRole('button', { name: 'Share as snapshots…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // The focus on the dialog's own button, or left on the page when the reader tabs out of it.
  await page.getByRole('dialog').getByRole('button').last().focus();
  await page.keyboard.press('n');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByTestId('difference-position')).toHaveText('2 of 6 differences');
});

test('the system and developer messages a snapshot left out are left out of the other run too', async ({ page }) => {
  const response = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: good.conversation.id, exclude: { roles: ['system', 'developer'] } } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/compare?a=s:${id}&b=${sideways.conversation.id}&b_source=demo`);
  await expect(page.getByTestId('compare-left-out')).toHaveText('Run A’s snapshot left out system and developer messages: they are left out of run B too, so they count as no difference.');
  await expect(page.getByTestId('compare-headline')).toHaveText('Same for the first 9 items, then they part.');
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
});

test('a run shared with a snapshot leaves out and replaces what the snapshot did, as the comparison showed it', async ({ page }) => {
  const agent = demo('agent-run');
  const response = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: agent.conversation.id, exclude: { content: ['tool_outputs'] }, redact: { kinds: ['email'] } } });
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/compare?a=s:${id}&b=${agent.conversation.id}&source=demo`);
  await expect(page.getByTestId('compare-headline')).toBeVisible();
  await page.getByRole('button', { name: 'Share as snapshots…' }).click();
  await expect(page.getByRole('dialog')).toContainText('It leaves out tool outputs and replaces email addresses, as the snapshot did.');
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = await page.getByTestId('comparison-link').inputValue();
  const [stored] = /b=s%3A([\w-]+)/.exec(link)!.slice(1);
  const snapshot = (await (await page.request.get(`/api/snapshots/${stored}`)).json()) as { manifest: { rules: { content: string[]; kinds: string[] }; left_out: { tool_outputs: number } } };
  expect(snapshot.manifest.rules).toMatchObject({ content: ['tool_outputs'], kinds: ['email'] });
  expect(snapshot.manifest.left_out.tool_outputs).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the compare page has no serious or critical accessibility violation, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
    await expect(page.locator('[data-diff]').first()).toBeVisible();
    await page.getByTestId('identical-fold').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('two runs that give several calls one call ID compare each call with its own output, and count tools as their transcripts do', async ({ page }) => {
  await page.goto(`${origin(PORTS.faults)}/compare?a=conv_fault_retry_a&b=conv_fault_retry_b&source=openai`);
  // Only the second call's output differs: the first call's output stands for neither, and the third call has none.
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 1 difference');
  const rows = page.locator('[data-diff="changed"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-a-id', 'fc_retry_2');
  await expect(rows.first()).toHaveAttribute('data-b-id', 'fc_retry_2');
  // Three calls and an output whose call was deleted.
  await expect(page.getByTestId('tool-calls-a')).toHaveText('4');
  await expect(page.getByTestId('tool-calls-b')).toHaveText('4');
});

test("on a narrow phone each run's ID keeps to one line, shortened in its middle, and reads whole @phone", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  for (const [side, run] of [['a', good], ['b', sideways]] as const) {
    const name = page.getByTestId(`name-${side}`);
    await expect(name).toBeVisible();
    const { height, lineHeight, text } = await name.evaluate((element) => ({
      height: element.parentElement!.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight),
      text: (element as HTMLElement).innerText,
    }));
    expect(height).toBeLessThan(lineHeight * 1.5);
    expect(text).toBe(run.conversation.id);
    await expect(name.locator('..')).toHaveAttribute('title', `${run.conversation.id} · Demo`);
    // A screen reader hears the ID whole, with no space where its shortened part ends.
    expect(await name.ariaSnapshot()).toBe(`- text: ${run.conversation.id}`);
  }
});

test('on a narrow phone the step buttons keep their words on one line @phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(compareUrl(good.conversation.id, sideways.conversation.id));
  await expect(page.getByTestId('difference-position')).toHaveText('1 of 6 differences');
  for (const name of ['Previous difference', 'Next difference']) {
    const { lines, text } = await page.getByRole('button', { name }).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      return { lines: tops.size, text: (element as HTMLElement).innerText };
    });
    expect([name, text, lines]).toEqual([name, name.startsWith('Previous') ? '↑ Previous' : '↓ Next', 1]);
  }
});
