import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { demo, rowCount } from './demo-data.ts';
import { downloadChoice } from './transcript-helpers.ts';

const weather = demo('weather-tool-call');
const listPage = JSON.stringify({ object: 'list', data: weather.items, first_id: weather.items[0].id, last_id: weather.items.at(-1)!.id, has_more: false });

test('open a file: read in the browser, exported there, shared as a snapshot marked as a file', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles({ name: 'weather.json', mimeType: 'application/json', buffer: Buffer.from(listPage) });
  await expect(page).toHaveURL(/\/file$/);
  await expect(page.getByRole('region', { name: 'Local file' })).toContainText('weather.json, read in this browser: nothing was uploaded');
  await expect(page.locator('[data-item-id]')).toHaveCount(rowCount(weather.items));

  await page.getByText('Download ▾').click();
  // A file this page makes has no address: each format is a button, not a link to "#".
  await expect(page.getByRole('list', { name: 'Download formats' }).locator('a')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), downloadChoice(page, /^Markdown/).click()]);
  expect(download.suggestedFilename()).toBe('weather_json.md');
  expect(readFileSync((await download.path())!, 'utf8')).toContain('### Tool call: get_weather');

  await page.getByRole('button', { name: 'Share snapshot…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(dialog).toContainText(`${weather.items.length - 1} items, 1 left out`, { timeout: 30_000 });
  const link = await dialog.getByLabel('Link').inputValue();

  // Contexts made in a test take the file's options, its password included: a stranger has none.
  const stranger = await browser.newContext({ httpCredentials: undefined });
  const reader = await stranger.newPage();
  await reader.goto(link);
  await expect(reader.getByRole('region', { name: 'Snapshot' })).toContainText('from a file, not read from a source');
  await expect(reader.locator('[data-item-id]')).toHaveCount(rowCount(weather.items) - 1);
  await stranger.close();
});

test('a broken file, dropped anywhere, says what is wrong and the page stays usable', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
  await expect(page.getByRole('alert')).toContainText('“notes.txt”: This file is not JSON');

  const drop = async (name: string, text: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], fileName, { type: 'application/json' }));
        return transfer;
      },
      [name, text] as const,
    );
    await page.dispatchEvent('main', 'drop', { dataTransfer });
  };
  await drop('other.json', '{"hello": "world"}');
  await expect(page.getByRole('alert')).toContainText('“other.json”: This JSON is not a conversation');

  await page.getByLabel('Or paste JSON').fill(weather.items.map((item) => JSON.stringify(item)).join('\n'));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page).toHaveURL(/\/file$/);
  await expect(page.locator('[data-item-id]')).toHaveCount(rowCount(weather.items));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Open a file' })).toBeVisible();
  await drop('dropped.json', listPage);
  await expect(page.getByRole('region', { name: 'Local file' })).toContainText('dropped.json');
});

test('a large file shows its first rows while the rest is still read and indexed, and the page answers meanwhile', async ({ page }) => {
  const total = 30_000;
  const items = Array.from({ length: total }, (_, n) =>
    n % 3 === 2
      ? { id: `fco_${n}`, type: 'function_call_output', call_id: `call_${n - 1}`, output: `result ${n} `.repeat(20) }
      : n % 3 === 1
        ? { id: `fc_${n}`, type: 'function_call', call_id: `call_${n}`, name: 'lookup', arguments: JSON.stringify({ n }) }
        : { id: `msg_${n}`, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: `Question ${n}: ${'words '.repeat(30)}` }] },
  );
  // Every item count the page shows, from before the file is opened, so the first one seen is on record.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenCounts: string[] }).seenCounts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="item-count"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(items)) });
  await expect(page.locator('[data-item-id="msg_0"]')).toBeVisible({ timeout: 30_000 });
  // The page answers a click while items are still arriving.
  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(page.getByRole('button', { name: 'Newest first' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('item-count')).toHaveText('30,000 items', { timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { seenCounts: string[] }).seenCounts);
  expect(seen.length).toBeGreaterThan(1);
  expect(Number(seen[0].replace(/\D/g, ''))).toBeLessThan(total);
  // Search covers every item once indexed off the page's thread.
  await page.getByPlaceholder(/Search the transcript/).fill('Question 29997');
  await expect(page.getByTestId('match-count')).toHaveText(/^(1 match|1 of 1)$/);
});

/** What the test below adds to the page: each file reader it starts waits to be released, and says when it is done. */
interface HeldReaders {
  release: ((() => void) | undefined)[];
  read: boolean[];
}

test('the file chosen last is the one that opens, though one chosen before it is still being read; two dropped at once are refused', async ({ page }) => {
  // Files slow to read, whatever this machine: each reading waits for the test to let it go.
  await page.addInitScript(() => {
    const held: HeldReaders = { release: [], read: [] };
    (window as unknown as { held: HeldReaders }).held = held;
    const NativeWorker = Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'file reader') return;
        const n = held.release.length;
        held.release.push(undefined);
        const send = this.postMessage.bind(this) as (message: unknown) => void;
        this.postMessage = (message: unknown) => {
          held.release[n] = () => send(message);
        };
        this.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
          if (event.data.type === 'done') held.read[n] = true;
        });
      }
    };
  });
  const releaseAndRead = async (n: number) => {
    await page.waitForFunction((k) => (window as unknown as { held: HeldReaders }).held.release[k] !== undefined, n);
    await page.evaluate((k) => (window as unknown as { held: HeldReaders }).held.release[k]?.(), n);
    await page.waitForFunction((k) => (window as unknown as { held: HeldReaders }).held.read[k] === true, n);
  };
  await page.goto('/');
  const drop = async (names: string[]) => {
    const dataTransfer = await page.evaluateHandle((fileNames) => {
      const transfer = new DataTransfer();
      for (const name of fileNames) transfer.items.add(new File(['[]'], name, { type: 'application/json' }));
      return transfer;
    }, names);
    await page.dispatchEvent('main', 'drop', { dataTransfer });
  };
  // The page takes drops once its file panel is there (the home page's code loads after the shell).
  await expect(page.getByLabel('Conversation file')).toBeAttached();
  await drop(['one.json', 'two.json']);
  await expect(page.getByRole('alert')).toHaveText('Drop one file at a time: 2 files were dropped.');

  const big = Array.from({ length: 2_000 }, (_, n) => ({ id: `msg_big_${n}`, type: 'message', role: 'user', content: `Question ${n}` }));
  await page.getByLabel('Conversation file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await expect(page.getByText('Reading “big.json”…')).toBeVisible();
  await page.getByLabel('Conversation file').setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(listPage) });
  await expect(page.getByText('Reading “small.json”…')).toBeVisible();
  // The first file is read to its end while the second still is: it is dropped, not opened.
  await releaseAndRead(0);
  await expect(page.getByText('Reading “small.json”…')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Local file' })).toHaveCount(0);
  await releaseAndRead(1);
  await expect(page.getByRole('region', { name: 'Local file' })).toContainText('small.json');
  await expect(page.locator('[data-item-id^="msg_big_"]')).toHaveCount(0);
});

test('on a phone, a long file name or ID in a message breaks inside the message instead of running off the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const fits = (alert: Locator) => alert.evaluate((element) => element.scrollWidth <= element.clientWidth);
  const name = `conversation_export_${'0123456789abcdef'.repeat(4)}.json`;
  await page.getByLabel('Conversation file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  const fileAlert = page.getByRole('region', { name: 'Open a file' }).getByRole('alert');
  await expect(fileAlert).toContainText(`“${name}”: This JSON is not a conversation`);
  expect(await fits(fileAlert)).toBe(true);

  await page.getByLabel('Conversation ID, API URL or share link').fill(`conv_${'0123456789abcdef'.repeat(4)}.x`);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const idAlert = page.getByRole('alert').filter({ hasText: 'is not a valid conversation ID' });
  await expect(idAlert).toBeVisible();
  expect(await fits(idAlert)).toBe(true);
});

test("a snapshot's JSON export, opened as a file, says what the snapshot left out, as the snapshot's page does", async ({ page }) => {
  const created = await page.request.post('/api/snapshots', {
    data: { source: 'demo', conversation_id: weather.conversation.id, title: 'Weather without outputs', exclude: { content: ['tool_outputs'] } },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const exported = await page.request.get(`/api/snapshots/${id}/export?format=json`);
  expect(exported.status()).toBe(200);

  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles({ name: 'weather-snapshot.json', mimeType: 'application/json', buffer: await exported.body() });
  await expect(page).toHaveURL(/\/file$/);
  await expect(page.getByTestId('file-shared')).toContainText('An export of the snapshot “Weather without outputs”');
  await expect(page.getByTestId('file-shared')).toContainText('Left out: 2 tool outputs.');
  // The folded call says its output was left out, not that it was never loaded.
  await expect(page.getByText('output left out').first()).toBeVisible();
  await expect(page.getByText('no output loaded')).toHaveCount(0);
  await expect(page).toHaveTitle(/Weather without outputs/);
});
