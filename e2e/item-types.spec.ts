import { expect, test } from '@playwright/test';
import { SDK_ITEM_TYPES } from '../src/shared/items/sdk-item-types.ts';
import { demo } from './demo-data.ts';
import { expectComplete, walkTranscript } from './transcript-helpers.ts';

const agentRun = demo('agent-run');
const hostile = demo('hostile-payloads');

test('the agent-run demo shows every item type with a dedicated view, none with the fallback', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  await page.getByRole('button', { name: 'Expand all' }).click();
  let fallbacks = 0;
  const outputs = new Map<string, string>();
  const seen = await walkTranscript(page, async () => {
    fallbacks += await page.locator('[data-item-id][data-fallback], [data-part-type][data-fallback]').count();
    for (const [id, type] of await page.locator('[data-paired-output]').evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-paired-output'), element.getAttribute('data-output-type')]))) outputs.set(id!, type!);
  });
  // An output whose call is loaded shows inside the call's row.
  expect(seen.length + outputs.size).toBe(agentRun.items.length);
  expect(new Set([...seen.map((item) => item.type), ...outputs.values()])).toEqual(new Set(SDK_ITEM_TYPES));
  expect(fallbacks).toBe(0);
});

test('each row is named by its kind as the page writes it, not by its type in the API', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  const names = await page.getByRole('article').evaluateAll((rows) => rows.slice(0, 4).map((row) => row.getAttribute('aria-label')));
  expect(names).toEqual(['System message', 'Developer message', 'Additional tools', 'Configuration update']);
});

test('hostile content renders as inert text and the page stays usable', async ({ page }) => {
  // Eleven megabytes of content, on purpose: give it room on a loaded two-core machine.
  test.setTimeout(150_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/c/${hostile.conversation.id}?source=demo`);
  const items = page.locator('[data-item-id]');
  await expectComplete(page, hostile.items.length, { timeout: 60_000 });
  await expect(page.getByText('<script>window.__pwned=1</script>').first()).toBeVisible();

  // Walk the whole transcript so that every lazily rendered part renders, opening every raw JSON view on the way.
  await page.getByRole('button', { name: 'Expand all' }).click();
  const outputs = new Set<string>();
  const seen = await walkTranscript(page, async () => {
    await page.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('button[aria-pressed="false"][aria-label="Raw JSON"]')) button.click();
    });
    for (const id of await page.locator('[data-paired-output]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-paired-output')))) outputs.add(id!);
  });
  expect(seen.length + outputs.size).toBe(hostile.items.length);

  expect(await page.evaluate(() => 'pwned' in window || Object.hasOwn(window, '__pwned'))).toBe(false);
  expect(dialogs).toEqual([]);
  const unsafe = await page.evaluate(() => ({
    scripts: document.querySelectorAll('main script, main iframe, main object, main embed').length,
    handlers: [...document.querySelectorAll('main *')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
    scriptLinks: [...document.querySelectorAll('main a[href]')].filter((link) => !/^(https?:|mailto:|#|\/)/.test(link.getAttribute('href') ?? '')).length,
    unsafeImages: [...document.querySelectorAll('main img')].filter((image) => !/^(https:|data:image\/(png|jpeg|gif|webp);)/.test(image.getAttribute('src') ?? '')).length,
  }));
  expect(unsafe).toEqual({ scripts: 0, handlers: 0, scriptLinks: 0, unsafeImages: 0 });

  // Still usable: the order switch and the header respond.
  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(items.first()).toHaveAttribute('data-item-id', hostile.items.at(-1)!.id, { timeout: 60_000 });
});

test('the filter narrows a long agent run by kind, and search finds a tool call with its output', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  const messages = agentRun.items.filter((item) => item.type === 'message').length;

  await page.getByRole('button', { name: /^Tools \d+$/ }).click();
  await page.getByRole('button', { name: /^Reasoning \d+$/ }).click();
  await page.getByRole('button', { name: /^Other \d+$/ }).click();
  await expect(page.getByTestId('filter-summary')).toHaveText(`Showing ${messages} of ${agentRun.items.length} loaded items.Show every kind`);
  await expect(page).toHaveURL(/hide=tools%2Creasoning%2Cother|hide=tools,reasoning,other/);
  const shown = await walkTranscript(page);
  expect(shown.every((item) => item.type === 'message')).toBe(true);
  expect(shown).toHaveLength(messages);

  await page.getByRole('button', { name: 'Show every kind' }).click();
  await expect(page.getByTestId('filter-summary')).toHaveCount(0);
  await expect(page).not.toHaveURL(/hide=/);
  const search = page.getByRole('searchbox', { name: 'Search the transcript' });
  // Typing makes the first match at or below the reader's place current, as a browser's find does: from the top,
  // that is the first one. (The walk above left the reader at the end.)
  await page.keyboard.press('Home');
  await expect(page.locator(`[data-item-id="${agentRun.items[0].id}"]`)).toBeInViewport();
  await search.fill('create_pull_request');
  await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
  const current = page.locator('article.item-highlight');
  await expect(current).toBeInViewport();
  // The first match may be a row that lists the tool; opened, it shows the name.
  if ((await current.getAttribute('data-collapsed')) !== null) await current.getByRole('button', { name: 'Expand' }).click();
  await expect(current).toContainText('create_pull_request');
});

test('a failed tool call keeps its red outcome when the reader opens it, and only its own @phone', async ({ page }) => {
  const failedCall = agentRun.items.find((item) => item.type === 'function_call')!;
  const fineCall = agentRun.items.filter((item) => item.type === 'function_call')[1];
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  // A link opens its row: the header still says the call failed, as its folded line did.
  await page.goto(`/c/${agentRun.conversation.id}?source=demo#${failedCall.id}`);
  const row = page.locator(`article[data-item-id="${failedCall.id}"]`);
  await expect(row).toBeInViewport();
  await expect(row).not.toHaveAttribute('data-collapsed');
  await expect(row.locator('header [data-outcome="failed"]')).toHaveText('error');
  await expect(row.locator('header [data-outcome="failed"]')).toBeVisible();
  await row.getByRole('button', { name: 'Collapse' }).click();
  await expect(row).toHaveAttribute('data-collapsed', '');
  await expect(row.locator('header [data-outcome="failed"]')).toHaveText('error');
  await page.goto(`/c/${agentRun.conversation.id}?source=demo#${fineCall.id}`);
  const fine = page.locator(`article[data-item-id="${fineCall.id}"]`);
  await expect(fine).not.toHaveAttribute('data-collapsed');
  await expect(fine.locator('[data-outcome="failed"]')).toHaveCount(0);
});

test("on a phone a raw JSON view's folds and a schema's fold are targets a finger can hit @phone", async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'a touch screen');
  const update = agentRun.items.find((item) => item.type === 'configuration_update')!;
  await page.goto(`/c/${agentRun.conversation.id}?source=demo#${update.id}`);
  const row = page.locator(`article[data-item-id="${update.id}"]`);
  await expect(row).toBeInViewport();
  await row.getByRole('button', { name: 'Raw JSON' }).tap();
  await row.getByText('Schema', { exact: true }).tap();
  const shownFolds = () => row.locator('summary').evaluateAll((summaries) => summaries.filter((summary) => summary.getClientRects().length > 0).map((summary) => [summary.textContent, summary.getBoundingClientRect().height] as const));
  // The raw view and the schema's folds render after the taps: wait for them before measuring.
  await expect.poll(async () => (await shownFolds()).length).toBeGreaterThan(3);
  const folds = await shownFolds();
  // Folds stacked line on line: each 24 px tall at least, WCAG's minimum target size.
  expect(folds.filter(([, height]) => height < 24)).toEqual([]);
});
