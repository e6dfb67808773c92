import { expect, test, type Locator } from '@playwright/test';
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
  // What its page will say of it, and when its link stops working.
  await expect(dialog).toContainText('Left out: 1 item (system and developer messages).');
  await expect(dialog).toContainText(/It expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  const link = await dialog.getByLabel('Link').inputValue();
  // The link replaced the form the focus was in: the focus is on it, not on the page behind the dialog.
  await expect(dialog.getByLabel('Link')).toBeFocused();
  expect(link).toMatch(new RegExp(`^${origin(PORTS.secured)}/s/[A-Za-z0-9_-]{24}$`));
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A reader with no password at all: the snapshot opens, the developer message is not in it.
  // Contexts made in a test take the file's options, its password included: a stranger has none.
  const stranger = await browser.newContext({ httpCredentials: undefined });
  const reader = await stranger.newPage();
  // What the page asks for that only signed-in readers get is refused without the password challenge: a browser
  // would answer one with its sign-in dialog over the snapshot.
  const challenges: string[] = [];
  reader.on('response', (response) => {
    if (response.status() === 401 && response.headers()['www-authenticate']) challenges.push(new URL(response.url()).pathname);
  });
  await reader.goto(link);
  const banner = reader.getByRole('region', { name: 'Snapshot' });
  await expect(banner).toContainText('Weather bug');
  // The tab is named as its author named the snapshot, not after the conversation behind it.
  await expect(reader).toHaveTitle('Weather bug · Conversation Viewer');
  await expect(banner).toContainText(`It holds ${weather.items.length - 1} of the run’s ${weather.items.length} items.`);
  await expect(banner).toContainText('Left out: 1 item (system and developer messages).');
  // Where it came from is for its author: the stranger is not told the source or the original conversation ID.
  await expect(banner).toContainText('A snapshot of a conversation, taken');
  await expect(reader.getByText(weather.conversation.id)).toHaveCount(0);
  await expect(reader.locator('[data-item-id]')).toHaveCount(rowCount(weather.items) - 1);
  await expect(reader.getByText(developerText)).toHaveCount(0);
  // Deep links work in a snapshot too.
  const last = weather.items.at(-1)!.id;
  await reader.goto(`${link}#${last}`);
  await expect(reader.locator(`[data-item-id="${last}"]`)).toBeVisible();
  // A hand-written /S/ opens the same snapshot, at the address the app writes.
  await reader.goto(link.replace('/s/', '/S/'));
  await expect(reader.getByRole('region', { name: 'Snapshot' })).toContainText('Weather bug');
  await expect(reader).toHaveURL(link);
  // A comparison of two snapshots opens for the stranger too.
  const snapshotId = new URL(link).pathname.split('/').at(-1)!;
  await reader.goto(`${origin(PORTS.secured)}/compare?a=s:${snapshotId}&b=s:${snapshotId}`);
  await expect(reader.getByText(`The runs are identical: the same ${weather.items.length - 1} items, in the same order.`)).toBeVisible();
  expect(challenges).toEqual([]);

  // The author, signed in, sees both.
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Snapshot' })).toContainText(`of ${weather.conversation.id} from Demo`);

  await page.goto('/snapshots');
  // The header's link says which page this is.
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Snapshots' })).toHaveAttribute('aria-current', 'page');
  const row = page.getByTestId('snapshot-row').filter({ hasText: 'Weather bug' });
  await expect(row).toContainText(`${weather.items.length - 1} items (1 left out)`);
  // What it left out, and its link, tell it from other snapshots of the same run.
  await expect(row).toContainText(`Left out: 1 item (system and developer messages) · /s/${snapshotId}`);
  await row.getByRole('button', { name: 'Revoke Weather bug' }).click();
  // Nothing is deleted on one click: the row asks first, and Keep it (or Esc) keeps it, the focus back on Revoke.
  await expect(row).toContainText('Its content is deleted for good');
  await row.getByRole('button', { name: 'Keep it' }).click();
  await expect(row.getByRole('button', { name: 'Revoke Weather bug' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(row.getByRole('button', { name: 'Revoke Weather bug' })).toBeFocused();
  await row.getByRole('button', { name: 'Revoke Weather bug' }).click();
  await row.getByRole('button', { name: 'Revoke and delete' }).click();
  await expect(row).toHaveCount(0);
  // Its buttons gone, the focus is on the list's heading, not lost to the page.
  await expect(page.getByRole('heading', { name: 'Snapshots' })).toBeFocused();

  await reader.goto(link);
  const alert = reader.getByRole('alert');
  await expect(alert).toContainText('This snapshot was revoked');
  // Said once, with a date as people write it, not a timestamp.
  await expect(alert).toContainText(/took it back on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\S* and its content was deleted/);
  await expect(alert).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(alert.getByRole('button', { name: /retry/i })).toHaveCount(0);
  await stranger.close();
});

test('a snapshot revoked meanwhile, from another tab, goes from the list when revoked again', async ({ page }) => {
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: weather.conversation.id, title: 'Revoked twice' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto('/snapshots');
  const row = page.getByTestId('snapshot-row').filter({ hasText: 'Revoked twice' });
  await row.getByRole('button', { name: 'Revoke Revoked twice' }).click();
  expect((await page.request.delete(`/api/snapshots/${id}`)).status()).toBe(200);
  await row.getByRole('button', { name: 'Revoke and delete' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('toast')).toHaveText('Revoked twice was already revoked.');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an expired snapshot stays listed by its expiry, without its run\'s ID or what it left out', async ({ page }) => {
  const expiresAt = new Date(Date.now() + 5000).toISOString();
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: weather.conversation.id, title: 'Expiring soon', expires_at: expiresAt } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await expect.poll(async () => (await page.request.get(`/api/snapshots/${id}`)).status(), { timeout: 20_000 }).toBe(410);
  await page.goto('/snapshots');
  const row = page.getByTestId('snapshot-row').filter({ hasText: `/s/${id}` });
  await expect(row).toContainText('Its content is deleted from the store once it has expired');
  await expect(row).toContainText(/Expired \d{4}-\d{2}-\d{2}/);
  await expect(row).not.toContainText(weather.conversation.id);
  await expect(row).not.toContainText('Nothing left out or replaced');
});

test('a revoked snapshot says when on a phone, its date and time on one line @phone', async ({ page, browser }) => {
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: weather.conversation.id, title: 'Revoked on a phone' } });
  const { id } = (await created.json()) as { id: string };
  expect((await page.request.delete(`/api/snapshots/${id}`)).status()).toBe(200);
  const stranger = await browser.newContext({ httpCredentials: undefined, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const reader = await stranger.newPage();
  await reader.goto(`${origin(PORTS.secured)}/s/${id}`);
  const alert = reader.getByRole('alert');
  await expect(alert).toContainText(/took it back on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, { timeout: 30_000 });
  await alert.screenshot({ path: test.info().outputPath('revoked-390.png') });
  // The lines the date and time take, wherever the page breaks the sentence around them.
  const lines = await alert.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\S*/.exec(node.nodeValue ?? '');
      if (!match) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }
    return 0;
  });
  expect(lines).toBe(1);
  await stranger.close();
});

test('an unknown snapshot link says so', async ({ browser }) => {
  // Contexts made in a test take the file's options, its password included: a stranger has none.
  const stranger = await browser.newContext({ httpCredentials: undefined });
  const reader = await stranger.newPage();
  await reader.goto(`${origin(PORTS.secured)}/s/AAAAAAAAAAAAAAAAAAAAAAAA`);
  // The first read may open the embedded store.
  await expect(reader.getByRole('alert')).toContainText('Snapshot not found', { timeout: 30_000 });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Snapshot not found');
  await stranger.close();
});

test('a snapshot link pasted with the punctuation of the sentence around it opens, for a reader without the password too', async ({ page, browser }) => {
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: weather.conversation.id, title: 'Pasted from a chat' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  // Contexts made in a test take the file's options, its password included: a stranger has none.
  const stranger = await browser.newContext({ httpCredentials: undefined });
  const reader = await stranger.newPage();
  for (const ending of ['.', ')', '").']) {
    await reader.goto(`${origin(PORTS.secured)}/s/${id}${ending}#${weather.items[1].id}`);
    await expect(reader.getByRole('region', { name: 'Snapshot' })).toContainText('Pasted from a chat', { timeout: 30_000 });
    await expect(reader).toHaveURL(`${origin(PORTS.secured)}/s/${id}#${weather.items[1].id}`);
  }
  await stranger.close();
});

test('a snapshot link whose ID cannot be one says so, without asking the server for it', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/snapshots/')) asked.push(request.url());
  });
  for (const id of ['not-a-snapshot!!', 'abc']) {
    await page.goto(`/s/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('That is not a snapshot link');
    await expect(page.getByRole('alert')).toContainText(`That snapshot link is not whole: its ID “${id}” is not one. Snapshot IDs are 16 to 64 letters, digits, _ or -; copy the link again.`);
  }
  expect(asked).toEqual([]);
});

test('leave out what sits inside items and replace terms, with a live preview, then read what the snapshot says it left out', async ({ page, browser }) => {
  const agent = demo('agent-run');
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]').first()).toBeVisible();

  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  const preview = dialog.getByTestId('share-preview');
  await expect(preview).toContainText('Left out: 3 items (system and developer messages).');
  await expect(preview).toContainText('Replaced: nothing.');
  await dialog.getByLabel(/^Tool outputs/).check();
  await dialog.getByLabel(/^Encrypted content/).check();
  await dialog.getByLabel('Names and terms, one a line').fill('checkout-web');
  await expect(preview).toContainText(/Left out: 3 items \(system and developer messages\), \d+ tool outputs, \d+ encrypted contents?\./);
  await expect(preview).toContainText('Replaced: 1 term.');
  await expect(preview).toContainText('checkout-web→[TERM_1]');

  // Single items are ticked in a list, not typed as IDs.
  await dialog.getByRole('button', { name: 'Choose items to leave out…' }).click();
  await expect(dialog.getByLabel('Filter items')).toBeFocused();
  // What the boxes above leave out already shows ticked there, and cannot be unticked one by one.
  const system = agent.items.find((item) => item.type === 'message' && (item as { role?: string }).role === 'system')!;
  const systemBox = dialog.locator(`[data-chooser-item="${system.id}"]`).getByRole('checkbox');
  await expect(systemBox).toBeChecked();
  await expect(systemBox).toBeDisabled();
  await expect(dialog.locator(`[data-chooser-item="${system.id}"]`)).toContainText('left out above');
  await expect(dialog.getByText('None chosen.')).toBeVisible();
  await dialog.getByLabel('Filter items').fill('chart of build durations');
  const firstUser = agent.items.find((item) => JSON.stringify(item).includes('chart of build durations'))!;
  await dialog.locator(`[data-chooser-item="${firstUser.id}"]`).getByRole('checkbox').check();
  await expect(preview).toContainText(/Left out: 4 items \(system and developer messages, 1 chosen\),/);

  await dialog.getByLabel('Title').fill('Agent run, outputs left out');
  await dialog.getByRole('button', { name: 'Create snapshot' }).click();
  const link = await dialog.getByLabel('Link').inputValue({ timeout: 30_000 });

  // Contexts made in a test take the file's options, its password included: a stranger has none.
  const stranger = await browser.newContext({ httpCredentials: undefined });
  const reader = await stranger.newPage();
  // What the page asks for that only signed-in readers get is refused without the password challenge: a browser
  // would answer one with its sign-in dialog over the snapshot.
  const challenges: string[] = [];
  reader.on('response', (response) => {
    if (response.status() === 401 && response.headers()['www-authenticate']) challenges.push(new URL(response.url()).pathname);
  });
  await reader.goto(link);
  const banner = reader.getByTestId('snapshot-manifest');
  await expect(banner).toContainText(/Left out: 4 items \(system and developer messages, 1 chosen\), \d+ tool outputs, \d+ encrypted contents?; replaced: 1 term\./);
  await expect(banner).toContainText(`The original run: ${agent.items.length} items`);
  await expect(reader.getByTestId('summary-failures')).toContainText('the original run had');
  // A call whose output was left out says so, never "not loaded".
  await expect(reader.getByText('output left out').first()).toBeVisible();
  await expect(reader.getByText('no output loaded')).toHaveCount(0);
  await expect(reader.locator('body')).not.toContainText('checkout-web');
  await expect(reader.locator(`[data-item-id="${firstUser.id}"]`)).toHaveCount(0);
  await stranger.close();
});

test('a Share dialog that cannot load says so, and the transcript stays', async ({ page }) => {
  await page.route('**/assets/share-snapshot-dialog-*.js', (route) => route.abort());
  await page.goto(`/c/${weather.conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The Share dialog could not load' })).toBeVisible();
  await expect(page.locator('[data-item-id]').first()).toBeVisible();
});

test("a preview the source rate-limits says so while it waits to ask again, instead of only reading the conversation", async ({ page }) => {
  let asked = 0;
  await page.route('**/api/snapshots/preview', (route) => {
    asked += 1;
    return route.fulfill({
      status: 429,
      headers: { 'retry-after': '30' },
      json: { error: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded', param: null } },
    });
  });
  await page.goto(`/c/${weather.conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  const preview = page.getByRole('dialog', { name: 'Share a snapshot' }).getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Rate limited: The source asks to wait 30 seconds before retrying. Trying again…');
  expect(asked).toBe(1);
});

test('every preview the source rate-limits says so, not only the first: while it waits to ask again and once it stops asking', async ({ page }) => {
  let retryAfter: string | null = null;
  await page.route('**/api/snapshots/preview', (route) =>
    retryAfter === null
      ? route.continue()
      : route.fulfill({
          status: 429,
          headers: { 'retry-after': retryAfter },
          json: { error: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded', param: null } },
        }),
  );
  await page.goto(`/c/${weather.conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Left out: 1 item (system and developer messages).');

  retryAfter = '30';
  await dialog.getByLabel(/^Tool outputs/).check();
  await expect(preview).toContainText('Rate limited: The source asks to wait 30 seconds before retrying. Trying again…');
  // A wait longer than a minute is not waited out: the preview stops asking, and says why.
  retryAfter = '120';
  await dialog.getByLabel(/^Tool outputs/).uncheck();
  await dialog.getByLabel(/^Encrypted content/).check();
  await expect(preview).toContainText('Rate limited: The source asks to wait 120 seconds before retrying.');
  await expect(preview).not.toContainText('Trying again');
});

test('on a phone the Share dialog keeps its own spacing: the item chooser lines up with its heading @phone', async ({ page }) => {
  await page.goto(`/c/${weather.conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]').first()).toBeVisible();
  // "Share…" on a phone, "Share snapshot…" elsewhere.
  await page.getByRole('button', { name: /^Share/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  // Where each one's text starts, inside any padding its box has.
  const textStart = (locator: Locator) =>
    locator.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getClientRects()[0].left;
    });
  const heading = await textStart(dialog.getByText('Single items', { exact: true }));
  const chooser = await textStart(dialog.getByRole('button', { name: 'Choose items to leave out…' }));
  expect(Math.abs(chooser - heading)).toBeLessThan(1);
});

test('on a phone the Share dialog keeps Create snapshot in sight while its choices scroll @phone', async ({ page }) => {
  await page.goto(`/c/${demo('agent-run').conversation.id}?source=demo`);
  await expect(page.locator('[data-item-id]').first()).toBeVisible();
  await page.getByRole('button', { name: /^Share/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await expect(dialog.getByText('Holds')).toBeVisible();
  const create = dialog.getByRole('button', { name: 'Create snapshot' });
  await expect(create).toBeInViewport({ ratio: 1 });
  // Its choices scroll under it, and it stays.
  await dialog.evaluate((element) => element.scrollBy(0, 200));
  await expect(create).toBeInViewport({ ratio: 1 });
  const [button, covering] = await create.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return [true, document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === element];
  });
  expect([button, covering]).toEqual([true, true]);
});

test('on a wide screen a snapshot names its conversation ID whole, in the list and in its banner', async ({ page }) => {
  const run = demo('agent-run');
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: run.conversation.id, title: 'A wide look at the CI triage run' } });
  const { id } = (await created.json()) as { id: string };
  // Nothing of the ID is cut off where the line has room for all of it.
  const clipped = (element: Locator) =>
    element.evaluate((node) => [node, ...node.querySelectorAll('*')].filter((part) => part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).overflow !== 'visible').length);
  await page.goto('/snapshots');
  const card = page.getByTestId('snapshot-row').filter({ hasText: 'A wide look' });
  await expect(card.locator(`[title="${run.conversation.id}"]`)).toBeVisible();
  expect(await clipped(card.locator(`[title="${run.conversation.id}"]`))).toBe(0);
  await card.getByRole('link', { name: /A wide look/ }).click();
  const banner = page.getByRole('region', { name: 'Snapshot' }).locator(`[title="${run.conversation.id}"]`);
  await expect(banner).toBeVisible();
  expect(await clipped(banner)).toBe(0);
  await page.request.delete(`/api/snapshots/${id}`);
});

test('on a phone a snapshot names its conversation ID unbroken, in its banner and in the list @phone', async ({ page }) => {
  const run = demo('agent-run');
  await page.setViewportSize({ width: 390, height: 844 });
  const created = await page.request.post('/api/snapshots', { data: { source: 'demo', conversation_id: run.conversation.id, title: 'A phone-sized look at the CI triage run of checkout-web' } });
  const { id } = (await created.json()) as { id: string };
  // Each box of the ID is one line: it moves to a line of its own, or shortens in its middle, but never breaks; its
  // text and tooltip are the whole ID.
  const unbroken = async (element: Locator) => {
    await expect(element).toBeVisible();
    const { lines, text } = await element.evaluate((node) => ({ lines: node.getClientRects().length, text: (node as HTMLElement).innerText }));
    expect(lines).toBe(1);
    expect(text).toBe(run.conversation.id);
    const box = (await element.boundingBox())!;
    expect(box.height).toBeLessThan(30);
  };
  await page.goto('/snapshots');
  const card = page.getByTestId('snapshot-row').filter({ hasText: 'A phone-sized look' });
  await unbroken(card.locator(`[title="${run.conversation.id}"]`));
  const path = card.getByText(`/s/${id}`);
  // Its link's path is one line too (a box per text, all on one line).
  expect(await path.evaluate((node) => new Set([...node.getClientRects()].map((rect) => Math.round(rect.top))).size)).toBe(1);
  // Its author, who has the sources in this tab, is told which conversation it holds.
  await card.getByRole('link', { name: /A phone-sized look/ }).click();
  await unbroken(page.getByRole('region', { name: 'Snapshot' }).locator(`[title="${run.conversation.id}"]`));
  await page.request.delete(`/api/snapshots/${id}`);
});
