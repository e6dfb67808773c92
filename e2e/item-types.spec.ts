import { expect, test } from '@playwright/test';
import { SDK_ITEM_TYPES } from '../src/features/transcript/lib/sdk-item-types.ts';
import { demo } from './demo-data.ts';

const agentRun = demo('agent-run');
const hostile = demo('hostile-payloads');

test('the agent-run demo shows every item type with a dedicated view, none with the fallback', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  const items = page.locator('[data-item-id]');
  await expect(items).toHaveCount(agentRun.items.length);
  const types = await items.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-item-type')));
  expect(new Set(types)).toEqual(new Set(SDK_ITEM_TYPES));
  await expect(page.locator('[data-item-id][data-fallback]')).toHaveCount(0);
  await expect(page.locator('[data-part-type][data-fallback]')).toHaveCount(0);
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
  await expect(items).toHaveCount(hostile.items.length, { timeout: 60_000 });
  await expect(page.getByText('<script>window.__pwned=1</script>').first()).toBeVisible();

  // Walk the whole transcript so that every lazily rendered part has rendered, then open every raw JSON view.
  for (const item of await items.all()) await item.scrollIntoViewIfNeeded();
  for (const toggle of await page.getByRole('button', { name: 'Raw JSON' }).all()) await toggle.click();

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

test('the filter narrows a long agent run by kind and by text', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  const items = page.locator('[data-item-id]');
  await expect(items).toHaveCount(agentRun.items.length);
  const messages = agentRun.items.filter((item) => item.type === 'message').length;

  await page.getByRole('button', { name: /^Tools \d+$/ }).click();
  await page.getByRole('button', { name: /^Reasoning \d+$/ }).click();
  await expect(items).toHaveCount(messages);
  await expect(page.getByTestId('filter-summary')).toHaveText(`Showing ${messages} of ${agentRun.items.length} loaded items.`);

  await page.getByRole('button', { name: /^Tools \d+$/ }).click();
  await page.getByLabel('Find in loaded items').fill('create_pull_request');
  await expect(items.first()).toBeVisible();
  for (const type of await items.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-item-type')))) {
    expect(type).toMatch(/^(message|mcp_|function_call)/);
  }
  await page.getByLabel('Find in loaded items').fill('');
  await page.getByRole('button', { name: /^Reasoning \d+$/ }).click();
  await expect(items).toHaveCount(agentRun.items.length);
});
