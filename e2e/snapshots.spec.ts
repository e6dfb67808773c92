import { expect, test } from '@playwright/test';
import { demo, rowCount } from './demo-data.ts';
import { E2E_PASSWORD, origin, PORTS } from './servers.ts';

const weather = demo('weather-tool-call');
const developerText = 'You can call the tool get_weather';

test.use({ baseURL: origin(PORTS.secured), httpCredentials: { username: 'me', password: E2E_PASSWORD } });

test('share a snapshot in the dialog, read it without credentials, then revoke it', async ({ page, browser }) => {
  await page.goto(`/c/${weather.conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]')).toHaveCount(rowCount(weather.items));

  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await expect(dialog.getByLabel('System and developer messages')).toBeChecked();
  await dialog.getByLabel('Title').fill('Weather bug');
  await dialog.getByLabel('Expires').selectOption({ label: 'After 1 day' });
  await dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(dialog).toContainText(`${weather.items.length - 1} items, 1 left out`, { timeout: 30_000 });
  const link = await dialog.getByLabel('Link').inputValue();
  expect(link).toMatch(new RegExp(`^${origin(PORTS.secured)}/s/[A-Za-z0-9_-]{24}$`));
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A reader with no password at all: the snapshot opens, the developer message is not in it.
  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(link);
  const banner = reader.getByRole('region', { name: 'Snapshot' });
  await expect(banner).toContainText('Weather bug');
  await expect(banner).toContainText(`It holds ${weather.items.length - 1} items; 1 were left out.`);
  // Where it came from is for its author: the stranger is not told the source or the original conversation ID.
  await expect(banner).toContainText('A snapshot of a conversation, taken');
  await expect(reader.getByText(weather.conversation.id)).toHaveCount(0);
  await expect(reader.locator('[data-item-id]')).toHaveCount(rowCount(weather.items) - 1);
  await expect(reader.getByText(developerText)).toHaveCount(0);
  // Deep links work in a snapshot too.
  const last = weather.items.at(-1)!.id;
  await reader.goto(`${link}#${last}`);
  await expect(reader.locator(`[data-item-id="${last}"]`)).toBeVisible();

  // The author, signed in, sees both.
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Snapshot' })).toContainText(`of ${weather.conversation.id} from Demo`);

  await page.goto('/snapshots');
  const row = page.getByTestId('snapshot-row').filter({ hasText: 'Weather bug' });
  await expect(row).toContainText(`${weather.items.length - 1} items (1 left out)`);
  await row.getByRole('button', { name: 'Revoke Weather bug' }).click();
  await expect(row).toHaveCount(0);

  await reader.goto(link);
  await expect(reader.getByRole('alert')).toContainText('This snapshot was revoked');
  await stranger.close();
});

test('an unknown snapshot link says so', async ({ browser }) => {
  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(`${origin(PORTS.secured)}/s/AAAAAAAAAAAAAAAAAAAAAAAA`);
  await expect(reader.getByRole('alert')).toContainText('Snapshot not found');
  await stranger.close();
});
