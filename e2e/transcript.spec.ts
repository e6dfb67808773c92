import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demo, rowCount } from './demo-data.ts';
import { CANARY_KEY, origin, PORTS } from './servers.ts';
import { SLOW_PAGES_ITEMS, TOOL_RUN_ITEMS } from '../src/server/testing/fault-upstream.ts';
import { downloadChoice, expectComplete, items, walkTranscript } from './transcript-helpers.ts';

const states = demo('streaming-states');
const trip = demo('trip-planning');
const long = demo('long-support-thread');

function transcriptUrl(id: string, query = 'source=demo') {
  return `/c/${id}?${query}`;
}

test('paste an ID and read the transcript with roles and statuses', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Conversation ID, API URL or share link').fill(`   ${states.conversation.id}\n`);
  await page.getByRole('button', { name: 'Open' }).click();

  await expect(page).toHaveURL(new RegExp(`/c/${states.conversation.id}\\?source=demo`));
  await expectComplete(page, states.items.length);
  await expect(page.locator('[data-role="system"]').first()).toContainText('System');
  await expect(page.locator('[data-role="user"]').first()).toContainText('User');
  await expect(page.locator('[data-role="assistant"]').first()).toContainText('Assistant');
  await expect(page.getByText('incomplete', { exact: true })).toBeVisible();
  await expect(page.getByText('in progress', { exact: true })).toBeVisible();
  await expect(page.getByTestId('item-count')).toHaveText(`${states.items.length} items`);
});

test("the tab's title names the page open in it: a transcript by its run's title, Compare and Snapshots by theirs", async ({ page }) => {
  const forkA = demo('forked-run-good');
  const forkB = demo('forked-run-sideways');
  await page.goto('/');
  await expect(page).toHaveTitle('Conversation Viewer');
  await page.getByLabel('Conversation ID, API URL or share link').fill(trip.conversation.id);
  await page.getByRole('button', { name: 'Open' }).click();
  await expectComplete(page, trip.items.length);
  const runTitle = (await page.getByTestId('run-title').textContent())!;
  await expect(page).toHaveTitle(`${runTitle} · Conversation Viewer`);
  await page.getByRole('link', { name: 'Snapshots' }).click();
  await expect(page).toHaveTitle('Snapshots · Conversation Viewer');
  await page.goBack();
  await expect(page).toHaveTitle(`${runTitle} · Conversation Viewer`);
  await page.getByRole('link', { name: '← Open another conversation' }).click();
  await expect(page).toHaveTitle('Conversation Viewer');
  await page.goto(`/compare?a=${forkA.conversation.id}&b=${forkB.conversation.id}&source=demo`);
  await expect(page).toHaveTitle('Compare two runs · Conversation Viewer');
});

test('a pasted share link opens the view it shared: its search, kind filter and tool', async ({ page }) => {
  const agent = demo('agent-run');
  await page.goto('/');
  await page.getByLabel('Conversation ID, API URL or share link').fill(`http://viewer.example.com/c/${agent.conversation.id}?source=demo&hide=tools&tool=read_file&q=%22checkout%22`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expectComplete(page, agent.items.length);
  await expect(page).toHaveURL(/hide=tools/);
  await expect(page).toHaveURL(/tool=read_file/);
  await expect(page.getByRole('searchbox', { name: 'Search the transcript' })).toHaveValue('checkout');
  await expect(page.getByTestId('filter-summary')).toContainText('Showing only the 2 read_file calls');
});

test('a pasted share link naming a source this viewer does not have says so, and offers the sources it has', async ({ page }) => {
  const agent = demo('agent-run');
  await page.goto('/');
  await page.getByLabel('Conversation ID, API URL or share link').fill(`http://viewer.example.com/c/${agent.conversation.id}?source=team-prod`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/source=team-prod/);
  await expect(page.getByText('Unknown source')).toBeVisible();
  await page.getByRole('link', { name: 'Demo' }).click();
  await expectComplete(page, agent.items.length);
});

test('a pasted API URL is reduced to the conversation ID; a provider this viewer has no source for says so', async ({ page }) => {
  await page.goto('/');
  const input = page.getByLabel('Conversation ID, API URL or share link');
  await input.fill(`https://llm-gateway.example.com/v1/conversations/${trip.conversation.id}/items?limit=3`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('conversation-id')).toHaveText(trip.conversation.id);
  await expectComplete(page, trip.items.length);

  await page.goto('/');
  await input.fill(`https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/conversations/${trip.conversation.id}/items?limit=3`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert')).toContainText('no DashScope source set up');
  await expect(page).toHaveURL(/\/$/);
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

test('a page whose code cannot load says so and offers a reload; the header still works', async ({ page }) => {
  await page.route('**/assets/transcript-route-*.js', (route) => route.abort());
  await page.goto(transcriptUrl(trip.conversation.id));
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await page.getByRole('link', { name: 'Conversation Viewer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('an invalid ID in a link says so without asking the server', async ({ page }) => {
  await page.goto('/c/not-a-conversation?source=demo');
  await expect(page.getByRole('alert')).toContainText('That is not a conversation ID');
  // What the page is about, for a reader who goes by headings.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('That is not a conversation ID');
});

test("a link's ID that cannot be one says why, as the home form says it", async ({ page }) => {
  await page.goto(`/c/conv_${'a'.repeat(3000)}?source=demo`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`“conv_${'a'.repeat(55)}…” is too long for a conversation ID: it has 3005 characters, and an ID has at most 205.`);
  await page.goto('/c/msg_7639f8f6?source=demo');
  await expect(alert).toContainText('That looks like an item or response ID. Paste the conversation ID; it starts with conv_.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('That is not a conversation ID');
});

test('a hand-written link with /C/ opens the transcript, at the address the app writes, asking for it once', async ({ page }) => {
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/stream')) streams.push(new URL(request.url()).pathname);
  });
  await page.goto(`/C/${trip.conversation.id}?source=demo#${trip.items[1].id}`);
  await expect(page.getByTestId('conversation-id')).toHaveText(trip.conversation.id);
  await expectComplete(page, trip.items.length);
  await expect(page).toHaveURL(new RegExp(`/c/${trip.conversation.id}\\?source=demo#${trip.items[1].id}$`));
  // The early request the link started is the one the page took.
  expect(streams).toEqual([`/api/sources/demo/conversations/${trip.conversation.id}/stream`]);
});

test('a link pasted with the punctuation of the sentence around it opens the transcript, at the address without it', async ({ page }) => {
  const run = demo('agent-run');
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/stream')) streams.push(new URL(request.url()).pathname);
  });
  await page.goto(`/c/${run.conversation.id}.`);
  await expect(page.getByTestId('conversation-id')).toHaveText(run.conversation.id);
  await expect(page).toHaveURL(new RegExp(`/c/${run.conversation.id}\\?source=demo$`));
  // The query and the fragment stay as the link had them.
  await page.goto(`/c/${run.conversation.id})?source=demo&order=desc#${run.items[1].id}`);
  await expect(page.locator(`[data-item-id="${run.items[1].id}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/c/${run.conversation.id}\\?source=demo&order=desc#${run.items[1].id}$`));
  // Back leaves for the page before, not for the address with the punctuation.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/c/${run.conversation.id}\\?source=demo$`));
  expect(new Set(streams)).toEqual(new Set([`/api/sources/demo/conversations/${run.conversation.id}/stream`]));
});

test("a link's source in another case opens that source, its ID written into the address; an unknown one says so by name", async ({ page }) => {
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/stream')) streams.push(new URL(request.url()).pathname);
  });
  await page.goto(transcriptUrl(trip.conversation.id, 'source=Demo&order=desc'));
  await expectComplete(page, trip.items.length);
  await expect(page.getByTestId('conversation-source')).toHaveText('Demo');
  await expect(page).toHaveURL(new RegExp(`/c/${trip.conversation.id}\\?source=demo&order=desc$`));
  // The early request the link started is the one the page took.
  expect(streams).toEqual([`/api/sources/demo/conversations/${trip.conversation.id}/stream`]);

  await page.goto(transcriptUrl(trip.conversation.id, 'source=Nowhere'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Unknown source');
  await expect(alert).toContainText(/no source 'nowhere'/i);
});

test('a conversation that does not exist says so, without a Retry that cannot help', async ({ page }) => {
  await page.goto(transcriptUrl('conv_does_not_exist_anywhere'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Conversation not found');
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '← Open another conversation' })).toBeVisible();
  // As much room under its last line as above its title: no empty row of actions at its foot.
  const [above, below] = await alert.evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const lines = [...panel.children].map((child) => child.getBoundingClientRect()).filter((line) => line.height > 0);
    return [lines[0].top - box.top, box.bottom - Math.max(...lines.map((line) => line.bottom))];
  });
  expect(Math.abs(below - above)).toBeLessThan(1);
});

test("Back from a page the home form opened finds what was typed still in the field, as a browser keeps a form's", async ({ page }) => {
  await page.goto('/');
  const input = page.getByLabel('Conversation ID, API URL or share link');
  await input.fill('conv_does_not_exist_either');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Conversation not found');
  await page.goBack();
  await expect(input).toHaveValue('conv_does_not_exist_either');
  // Home again by a link is a visit of its own: it starts empty.
  await page.goto(transcriptUrl(trip.conversation.id));
  await page.getByRole('link', { name: '← Open another conversation' }).click();
  await expect(input).toHaveValue('');
});

test('from a conversation that was not found, Open another conversation brings its ID back to the home form, to be corrected', async ({ page }) => {
  await page.goto(transcriptUrl('conv_does_not_exist_anywhere'));
  await expect(page.getByRole('alert')).toContainText('Conversation not found');
  await page.getByRole('link', { name: '← Open another conversation' }).click();
  const input = page.getByLabel('Conversation ID, API URL or share link');
  await expect(input).toHaveValue('conv_does_not_exist_anywhere');
  await expect(input).toBeFocused();
  // Selected whole: typing replaces it, an arrow key edits it.
  expect(await input.evaluate((field: HTMLInputElement) => [field.selectionStart, field.selectionEnd])).toEqual([0, 'conv_does_not_exist_anywhere'.length]);
  // The address is the home page's own again.
  await expect(page).toHaveURL(/\/$/);
  // An ID that cannot be one comes back too.
  await page.goto('/c/msg_7639f8f6?source=demo');
  await page.getByRole('link', { name: '← Open another conversation' }).click();
  await expect(input).toHaveValue('msg_7639f8f6');
  // From a transcript that opened, the way home is the home page alone.
  await page.goto(transcriptUrl(trip.conversation.id));
  await expectComplete(page, trip.items.length);
  await expect(page.getByRole('link', { name: '← Open another conversation' })).toHaveAttribute('href', '/');
  await page.getByRole('link', { name: '← Open another conversation' }).click();
  await expect(input).toHaveValue('');
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
  await expect(page.getByRole('button', { name: 'Newest first' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(items(page).last()).toHaveAttribute('data-item-id', trip.items[0].id);
  await expect(items(page).last()).toBeInViewport();
  await context.close();
});

test('copy link copies a URL that opens the same transcript', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`/c/${trip.conversation.id}`);
  await expect(page).toHaveURL(/source=demo/);
  await expectComplete(page, trip.items.length);
  const copyLink = page.getByTitle('Copy a link to this transcript');
  await copyLink.click();
  await expect(copyLink).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`/c/${trip.conversation.id}\\?source=demo&order=asc$`));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await expect(other.getByTestId('conversation-id')).toHaveText(trip.conversation.id);
  await expectComplete(other, trip.items.length);
  await fresh.close();
  await context.close();
});

for (const [where, position] of [['first', 0], ['middle', 175], ['third page', 250], ['last', 349]] as const) {
  test(`a deep link to the ${where} item of a long conversation scrolls to it and highlights it`, async ({ page }) => {
    const target = long.items[position];
    await page.goto(`${transcriptUrl(long.conversation.id)}#${target.id}`);
    const item = page.locator(`[data-item-id="${target.id}"]`);
    await expect(item).toHaveClass(/item-highlight/);
    await expect(item).toContainText(`(#${position + 1})`);
    await expectComplete(page, long.items.length);
    await expect(item).toBeInViewport();
  });
}

test('a long conversation keeps only the items near the screen in the DOM, and says where the reader is', async ({ page }) => {
  await page.goto(transcriptUrl(long.conversation.id));
  await expectComplete(page, long.items.length);
  expect(await items(page).count()).toBeLessThan(60);
  await expect(page.getByTestId('position')).toHaveText('Item 1 of 350');
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(page.locator(`[data-item-id="${long.items.at(-1)!.id}"]`)).toBeInViewport();
  await expect(page.getByTestId('position')).toHaveText(/Item 3\d\d of 350/);
  await page.getByRole('button', { name: 'Go to the top' }).click();
  await expect(page.locator(`[data-item-id="${long.items[0].id}"]`)).toBeInViewport();
  // The toolbar (the view's controls and the search) stays on screen while scrolling.
  await page.mouse.wheel(0, 3000);
  await expect(page.getByRole('button', { name: 'Oldest first' })).toBeInViewport();
  await expect(page.getByRole('searchbox')).toBeInViewport();
});

test('while a long conversation scrolls, each frame renders the rows it shows and a few ahead; the rows around them follow once it stops', async ({ page }) => {
  await page.goto(transcriptUrl(long.conversation.id));
  await expectComplete(page, long.items.length);
  await page.waitForTimeout(500);
  const rows = page.locator('ol[aria-label="Conversation items"] > li');
  const { inScrollEvent, whileScrolling } = await page.evaluate(async () => {
    const listed = () => [...document.querySelectorAll('ol[aria-label="Conversation items"] > li')];
    const onScreen = () => listed().some((row) => row.getBoundingClientRect().bottom > 0 && row.getBoundingClientRect().top < window.innerHeight);
    // In the scroll event the list has not rendered the new position's rows yet: the frame that scrolls does not style
    // and lay out a screen of new rows too; they come in a task of their own, before the next frame.
    const event = new Promise<boolean>((resolve) => window.addEventListener('scroll', () => resolve(onScreen()), { once: true }));
    window.scrollTo(0, Math.round(document.documentElement.scrollHeight * 0.5));
    const shownInEvent = await event;
    // The scroll event comes in the frame's own steps, so this frame's callbacks still run before the rows' task.
    for (let frames = 0; frames < 3 && !onScreen(); frames += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    return { inScrollEvent: shownInEvent, whileScrolling: onScreen() ? listed().length : -1 };
  });
  expect(inScrollEvent, 'rows on screen in the scroll event').toBe(false);
  expect(whileScrolling, 'rows on screen within the next frames').toBeGreaterThan(0);
  // Scrolling down: three rows below the screen and none above while scrolling, four either side once still, so five
  // more once the scroll has stopped (rows measured shorter than guessed can bring more into view meanwhile, so the
  // comparison is with fewer).
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(whileScrolling + 3);
  // And the rows above the screen are there again, for a reader who turns back.
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('ol[aria-label="Conversation items"] > li')].filter((row) => row.getBoundingClientRect().bottom < 0).length)).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('position')).toHaveText(/Item 1\d\d of 350/);
});

test('a jump the reader asks for shows its rows in its first frame at the new place', async ({ page }) => {
  await page.goto(transcriptUrl(long.conversation.id));
  await expectComplete(page, long.items.length);
  await page.waitForTimeout(500);
  const lastId = long.items.at(-1)!.id;
  // In the scroll event of "Go to the end", the last item is already rendered (a scroll of the reader's own renders
  // its new rows after that frame instead). Scroll events before it (bringing the button into view) do not count.
  const rendered = page.evaluate(
    (id) =>
      new Promise<boolean>((resolve) => {
        const onScroll = () => {
          if (window.scrollY < document.documentElement.scrollHeight / 2) return;
          window.removeEventListener('scroll', onScroll);
          resolve(document.querySelector(`article[data-item-id="${id}"]`) !== null);
        };
        window.addEventListener('scroll', onScroll);
      }),
    lastId,
  );
  await page.getByRole('button', { name: 'Go to the end' }).click();
  expect(await rendered).toBe(true);
  await expect(page.locator(`article[data-item-id="${lastId}"]`)).toBeInViewport();
});

test('after a jump into a long conversation, the item at the top stays put while the rows around it are measured and rendered', async ({ page }) => {
  await page.goto(transcriptUrl(long.conversation.id));
  await expectComplete(page, long.items.length);
  // Once the run has settled: while rows can still arrive above the reader, the list anchors them differently.
  await page.waitForTimeout(1000);
  for (const share of [0.3, 0.55, 0.8]) {
    // Where the first item below the toolbar is in the first frame that shows the new position, and once its neighbours
    // have settled.
    const drift = await page.evaluate(async (at) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // The reader's first line is under the sticky toolbar.
      const line = () => document.querySelector('.sticky.top-0')?.getBoundingClientRect().bottom ?? 0;
      const firstItem = () => [...document.querySelectorAll('article[data-item-id]')].find((article) => article.getBoundingClientRect().bottom > line() + 20 && article.getBoundingClientRect().top < window.innerHeight);
      window.scrollTo(0, Math.round(document.documentElement.scrollHeight * at));
      // The rows are rendered after the frame that scrolled; a frame later, the page reads as that first frame showed it.
      for (let wait = 0; wait < 10 && !firstItem(); wait += 1) await frame();
      await frame();
      const item = firstItem();
      const before = item?.getBoundingClientRect().top;
      for (let wait = 0; wait < 30; wait += 1) await frame();
      return item?.isConnected && before !== undefined ? Math.abs(item.getBoundingClientRect().top - before) : null;
    }, share);
    expect(drift, `jump to ${share * 100}% of the page`).not.toBeNull();
    expect(drift!, `jump to ${share * 100}% of the page`).toBeLessThanOrEqual(1);
  }
});

test('a deep link to an item that is not there says so once everything has loaded', async ({ page }) => {
  await page.goto(`${transcriptUrl(trip.conversation.id)}#msg_not_here`);
  await expect(page.getByRole('alert')).toContainText('msg_not_here is not in this conversation');
});

test('a fragment that is not an item ID is ignored, never echoed on the page', async ({ page }) => {
  await page.goto(`${transcriptUrl(trip.conversation.id)}#Your%20session%20expired%2C%20call%20us`);
  await expectComplete(page, trip.items.length);
  await expect(page.getByText(/session expired/)).toHaveCount(0);
});

test('the order switch is a view of the loaded items, not a reload', async ({ page }) => {
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/stream')) streams.push(request.url());
  });
  await page.goto(transcriptUrl(long.conversation.id));
  await expectComplete(page, long.items.length);
  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(items(page).first()).toContainText('(#350)');
  await page.getByRole('button', { name: 'Oldest first' }).click();
  await expect(items(page).first()).toContainText('(#1)');
  expect(streams).toHaveLength(1);
});

test('a reader at the top of the page stays there while a run loads, though the summary above the items grows', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { scrolledTo: number[] }).scrolledTo = seen;
    addEventListener('scroll', () => seen.push(Math.round(scrollY)));
  });
  await page.goto(`${origin(PORTS.faults)}/c/conv_fault_toolrun_${Date.now()}?source=openai`);
  await expectComplete(page, TOOL_RUN_ITEMS, { timeout: 30_000 });
  // Nothing scrolled the page: the list did not keep its first row in place by moving the page with it.
  expect(await page.evaluate(() => (window as unknown as { scrolledTo: number[] }).scrolledTo)).toEqual([]);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('Stop loading aborts the stream, and Load the rest resumes from where each end stopped', async ({ page }) => {
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/stream')) streams.push(request.url());
  });
  await page.goto(`${origin(PORTS.faults)}/c/conv_fault_slowpages_${Date.now()}?source=openai`);
  await expect(page.getByText(/^Loading… [\d,]+ items so far$/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop loading' }).click();
  await expect(page.getByText(/^Stopped after [\d,]+ items; more are available\.$/)).toBeVisible();
  const stoppedAt = await page.getByTestId('item-count').textContent();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('item-count')).toHaveText(stoppedAt!);

  const beforeResume = streams.length;
  await page.getByRole('button', { name: 'Load the rest' }).first().click();
  await expectComplete(page, SLOW_PAGES_ITEMS, { timeout: 30_000 });
  // Every request after the first resumes after what had loaded: Load the rest's, and a retry's if a slow page ran
  // past this server's one-second upstream deadline on a busy machine (the client retries, from where it stopped). A
  // retry before the newest end's first page arrived has nothing to resume that end from.
  expect(streams.length).toBeGreaterThan(beforeResume);
  for (const resumed of streams.slice(1)) expect(resumed).toMatch(/head_after=msg_\d+/);
  // Stopped with both ends under way, Load the rest resumes both.
  expect(streams[beforeResume]).toMatch(/head_after=msg_\d+&tail_after=msg_\d+/);
  // Nothing twice, nothing missing: the first and last items are both there, in order.
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(items(page).last()).toHaveAttribute('data-item-id', `msg_${SLOW_PAGES_ITEMS - 1}`);
  expect(await page.content()).not.toContain(CANARY_KEY);
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
  await expectComplete(page, 2);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Read a conversation' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('list', { name: 'Conversation items' }).getByText("Alice's best friend is Bob")).toBeVisible();
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
  await expectComplete(page, states.items.length);
  await page.goto(transcriptUrl('conv_does_not_exist_anywhere'));
  await expect(page.getByRole('alert')).toContainText('Conversation not found');

  await page.goto('/');
  const recent = page.getByRole('region', { name: 'Recently opened' });
  await expect(recent.getByRole('link')).toHaveCount(1);
  await recent.getByRole('link', { name: new RegExp(states.conversation.id) }).click();
  await expect(page.getByTestId('conversation-id')).toHaveText(states.conversation.id);
  await page.goto(transcriptUrl(trip.conversation.id));
  await expectComplete(page, trip.items.length);
  await page.goto('/');
  await expect(recent.getByRole('link')).toHaveCount(2);
  // One at a time: the newest goes, the focus moves to the one left.
  await recent.getByRole('button', { name: /^Forget / }).first().click();
  await expect(recent.getByRole('link')).toHaveCount(1);
  await expect(recent.getByRole('link', { name: new RegExp(states.conversation.id) })).toBeVisible();
  await expect(recent.getByRole('button', { name: /^Forget / })).toBeFocused();
  // Undo puts it back where it was, with the focus on it.
  await expect(recent).toContainText('Forgot ');
  await recent.getByRole('button', { name: 'Undo' }).click();
  await expect(recent.getByRole('link')).toHaveCount(2);
  await expect(recent.getByRole('button', { name: /^Forget / }).first()).toBeFocused();
  await expect(recent.getByRole('link').first()).toContainText(trip.conversation.id);
  await recent.getByRole('button', { name: /^Forget / }).first().click();
  await page.reload();
  await expect(recent.getByRole('link')).toHaveCount(1);
  // All at once: the list goes, and Undo, which has the focus, brings it back.
  await recent.getByRole('button', { name: 'Clear' }).click();
  await expect(recent.getByRole('link')).toHaveCount(0);
  await expect(recent).toContainText('Cleared one conversation.');
  await expect(recent.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(recent.getByRole('link')).toHaveCount(1);
  await expect(recent.getByRole('button', { name: /^Forget / })).toBeFocused();
  // Cleared and left, the list is gone for good.
  await recent.getByRole('button', { name: 'Clear' }).click();
  await page.reload();
  await expect(page.getByText('Read a conversation')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recently opened' })).toHaveCount(0);
});

test('the Download menu saves Markdown, HTML and JSON, and the HTML file reads offline from disk', async ({ page, context }) => {
  await page.goto(transcriptUrl(trip.conversation.id));
  // The server reads the whole conversation for an export, whatever the page has loaded so far.
  await expect(items(page).first()).toBeVisible();
  const save = async (label: string) => {
    await page.getByText('Download ▾').click();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadChoice(page, new RegExp(`^${label}`)).click()]);
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
  // Titled as the page titles the run, from its first user message, with the conversation's ID in the header.
  expect(readFileSync(markdown.path, 'utf8')).toMatch(/^# Hi\\! I'm thinking of a long weekend in Penang with…\n[\s\S]*- \*\*Conversation:\*\* conv_[\s\S]*## Turn 1/);

  const html = await save('HTML');
  expect(html.name).toBe(`${trip.conversation.id}.html`);
  const offline = await context.newPage();
  const problems: string[] = [];
  offline.on('pageerror', (error) => problems.push(error.message));
  offline.on('console', (message) => problems.push(message.text()));
  await offline.goto(`file://${html.path}`);
  await expect(offline.getByRole('heading', { level: 1 })).toHaveText("Hi! I'm thinking of a long weekend in Penang with…");
  // A row per item, an output inside its call's row, as on the page.
  await expect(offline.locator('main .row')).toHaveCount(rowCount(trip.items));
  // Its one script is inline and pinned by its hash in the file's own policy, which allows nothing else.
  await expect(offline.locator('script')).toHaveCount(1);
  expect(await offline.locator('script[src]').count()).toBe(0);
  expect(await offline.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/default-src 'none'.*script-src 'sha256-/);
  expect(problems).toEqual([]);
});

test('a whole walk through a long conversation sees every item once, in order', async ({ page }) => {
  await page.goto(transcriptUrl(long.conversation.id));
  await expectComplete(page, long.items.length);
  const seen = await walkTranscript(page);
  expect(seen.map((item) => item.id)).toEqual(long.items.map((item) => item.id));
});

test('three calls with one call ID: each output shows once, in its own call’s row; the third waits; an output whose call is gone counts as a tool', async ({ page }) => {
  await page.goto(`${origin(PORTS.faults)}/c/conv_fault_retry_a?source=openai`);
  await expectComplete(page, 8);
  await page.getByRole('button', { name: 'Expand all' }).click();
  const row = (id: string) => page.locator(`article[data-item-id="${id}"]`);
  await expect(row('fc_retry_1').locator('[data-paired-output]')).toHaveAttribute('data-paired-output', 'fco_retry_1');
  await expect(row('fc_retry_2').locator('[data-paired-output]')).toHaveAttribute('data-paired-output', 'fco_retry_2');
  await expect(row('fc_retry_3').locator('[data-paired-output]')).toHaveCount(0);
  await expect(row('fc_retry_3')).toContainText('No output loaded for call_retry yet');
  await expect(page.getByText('first answer', { exact: true })).toHaveCount(1);
  await expect(page.getByText('second answer', { exact: true })).toHaveCount(1);
  // The output whose call was deleted has a row of its own, and the counts, the summary and the Tools filter agree on it.
  await expect(row('fco_retry_deleted')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tools 4' })).toBeVisible();
  await expect(page.getByTestId('summary-tools')).toContainText(/^4:/);
  await page.getByRole('button', { name: /^Messages \d+$/ }).click();
  await expect(page.locator('article[data-item-id]')).toHaveCount(4);
  await expect(row('fco_retry_deleted')).toBeVisible();
});

test("the home page's demo cards end level: each card's item count and ID sit at its foot, level with its neighbour's", async ({ page }) => {
  await page.goto('/');
  const cards = page.getByRole('region', { name: 'Demo conversations' }).getByRole('link');
  await expect(cards.first()).toBeVisible();
  // The room under each card's last line: cards side by side differ in how long their descriptions are, yet each
  // keeps its padding there, and no more.
  const gaps = await cards.evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().bottom - (link.lastElementChild?.getBoundingClientRect().bottom ?? 0))));
  expect(gaps.length).toBeGreaterThan(2);
  expect(new Set(gaps).size).toBe(1);
});
