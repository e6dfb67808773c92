import { seriousViolations } from './axe.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo } from './demo-data.ts';
import { origin, PORTS } from './servers.ts';
import { SLOW_PAGES_ITEMS } from '../src/server/testing/fault-upstream.ts';
import { expectComplete, scrollSettled } from './transcript-helpers.ts';

const agentRun = demo('agent-run');
const long = demo('long-support-thread');
const agentUrl = `/c/${agentRun.conversation.id}?source=demo`;
const byType = (type: string) => agentRun.items.find((item) => item.type === type)!;
const row = (page: Page, id: string) => page.locator(`article[data-item-id="${id}"]`);

/** On a phone the toolbar folds behind "View ▾"; this unfolds it (a no-op on desktop). */
async function unfoldToolbar(page: Page) {
  const view = page.getByRole('button', { name: 'View ▾' });
  if (await view.isVisible()) await view.click();
}

async function inside(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const width = page.viewportSize()!.width;
  return box.x >= 0 && box.x + box.width <= width;
}

test('the Download menu stays on screen, closes on Escape and outside clicks, and gives focus back @phone', async ({ page }) => {
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  await unfoldToolbar(page);
  const button = page.getByRole('button', { name: 'Download ▾' });
  await button.click();
  const formats = page.getByRole('list', { name: 'Download formats' });
  await expect(formats).toBeVisible();
  expect(await inside(page, 'ul[aria-label="Download formats"]')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(formats).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await expect(formats).toBeVisible();
  // Outside the menu: the foot of the run summary, which the open menu does not cover.
  const summary = page.getByTestId('run-summary');
  await summary.click({ position: { x: 5, y: (await summary.boundingBox())!.height - 5 } });
  await expect(formats).toBeHidden();
});

test('a link to an output opens its call expanded, with the output in view; a link to a hidden kind shows it', async ({ page }) => {
  const output = byType('function_call_output');
  const call = agentRun.items.find((item) => item.type === 'function_call' && item.call_id === output.call_id)!;
  await page.goto(`${agentUrl}#${output.id}`);
  await expect(row(page, call.id)).not.toHaveAttribute('data-collapsed');
  await expect(page.locator(`[data-paired-output="${output.id}"]`)).toBeVisible();

  const reasoning = byType('reasoning');
  await page.goto(`${agentUrl}&hide=reasoning#${reasoning.id}`);
  await expect(row(page, reasoning.id)).toBeInViewport();
  await expect(page.getByTestId('filter-summary')).toContainText('the filter hides');
});

test('failures: First failure shows one the filter hides; a failed row says what failed; Failures only shows just them @phone', async ({ page }) => {
  await page.goto(`${agentUrl}&hide=tools`);
  await expectComplete(page, agentRun.items.length);
  await expect(page.locator('article[data-item-type="function_call"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'First failure' }).click();
  const focused = page.locator('[data-view-index]:focus article');
  await expect(focused).toHaveAttribute('data-item-type', 'function_call');
  await expect(focused).toBeInViewport();
  await expect(page.getByTestId('filter-summary')).toContainText('the filter hides');

  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  const shell = row(page, byType('local_shell_call').id);
  await page.getByRole('button', { name: 'Failures only' }).click();
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await expect(shell.getByTestId('failure-detail')).toHaveText(/^src\/app\.ts\(42,27\): error TS2345/);
  await expect(shell.getByTestId('failure-detail')).toBeVisible();
  await expect(page.getByTestId('filter-summary')).toContainText('Showing only the 2 failed or incomplete items');
  // It is part of the view a link holds: the address says it, and opened again it shows the same.
  await expect(page).toHaveURL(/[?&]failures=only(&|$)/);
  await page.reload();
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Failures only' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Show everything' }).click();
  await expect(page.getByTestId('filter-summary')).toHaveCount(0);
  await expect(page).not.toHaveURL(/failures=/);
});

test("a tool's name in the run summary shows only its calls, as a link that holds that view @phone", async ({ page }) => {
  const readFile = agentRun.items.filter((item) => item.type === 'function_call' && (item as { name?: string }).name === 'read_file');
  expect(readFile).toHaveLength(2);
  // With tools hidden by the kind filter too: the chosen tool's calls show, and the kind filter stays in the link.
  await page.goto(`${agentUrl}&hide=tools`);
  await expectComplete(page, agentRun.items.length);
  const tool = page.getByTestId('summary-tools').getByRole('button', { name: 'read_file 2' });
  await expect(tool).toHaveAttribute('aria-pressed', 'false');
  await tool.click();
  await expect(tool).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  for (const call of readFile) await expect(row(page, call.id!)).toHaveCount(1);
  await expect(page.getByTestId('filter-summary')).toHaveText(`Showing only the 2 read_file calls of ${agentRun.items.length} loaded.Show everything`);
  await expect(page).toHaveURL(/[?&]tool=read_file(&|$)/);
  await expect(page).toHaveURL(/hide=tools/);
  // Stepping to a failure of another tool shows it too, and the notice says so.
  await page.getByRole('button', { name: 'First failure' }).click();
  await expect(page.locator('[data-view-index]:focus article')).toHaveAttribute('data-item-id', readFile[0].id!);
  await page.getByRole('button', { name: 'Next failure' }).click();
  await expect(page.locator('[data-view-index]:focus article')).toHaveAttribute('data-item-type', 'local_shell_call');
  await expect(page.getByTestId('filter-summary')).toContainText('read_file calls of 50 loaded, and one other item you asked for.');

  // The link opens the same view; with Failures only, the failed calls of that tool.
  await page.reload();
  await expectComplete(page, agentRun.items.length);
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Failures only' }).click();
  await expect(page.getByTestId('filter-summary')).toContainText('Showing only the 1 failed or incomplete read_file call of');
  await expect(page.locator('article[data-item-id]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Show everything' }).click();
  await expect(page.getByTestId('filter-summary')).toHaveCount(0);
  await expect(page).not.toHaveURL(/tool=/);
  await expect(page.getByTestId('summary-tools').getByRole('button', { name: 'read_file 2' })).toHaveAttribute('aria-pressed', 'false');

  // Setting the tool down again gives back the view it narrowed, after a reload too.
  await page.goto(`${agentUrl}&hide=tools`);
  await expectComplete(page, agentRun.items.length);
  const calls = page.locator('article[data-item-type="function_call"]');
  await expect(calls).toHaveCount(0);
  await tool.click();
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await page.reload();
  await expectComplete(page, agentRun.items.length);
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await tool.click();
  await expect(tool).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(/hide=tools/);
  await expect(page).not.toHaveURL(/tool=/);
  await expect(calls).toHaveCount(0);
  await expect(page.locator('article[data-item-id]').first()).toBeVisible();

  // Failures only shows the failures though the kind filter hides their kind, as its notice says.
  await page.getByRole('button', { name: 'Failures only' }).click();
  await expect(page.getByTestId('filter-summary')).toContainText('Showing only the 2 failed or incomplete items');
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Show everything' }).click();

  // Hiding tools while a tool is chosen sets the tool down.
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  await tool.click();
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  await unfoldToolbar(page);
  await page.getByRole('button', { name: /^Tools \d+$/ }).click();
  await expect(page).not.toHaveURL(/tool=/);
  await expect(page).toHaveURL(/hide=tools/);
  await expect(calls).toHaveCount(0);
  await expect(tool).toHaveAttribute('aria-pressed', 'false');
});

test('every copy says Copied, on screen and to screen readers @phone', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${origin(PORTS.demo)}${agentUrl}`);
  await expectComplete(page, agentRun.items.length);
  const announcer = page.getByTestId('announcer');
  if (!testInfo.project.name.includes('phone')) {
    // As a reader does: the first row is on screen before the keys, and c acts on the row j focused.
    await expect(page.locator(`article[data-item-id="${agentRun.items[0].id}"]`)).toBeVisible();
    await page.keyboard.press('j');
    await expect(page.locator('[data-view-index]:focus')).toHaveCount(1);
    await page.keyboard.press('c');
    await expect(page.getByTestId('toast')).toHaveText('Copied a link to this item');
    await expect(announcer).toHaveText('Copied a link to this item');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`#${agentRun.items[0].id}`);
  }
  const copyId = page.getByRole('button', { name: 'Copy ID' }).first();
  await copyId.click();
  await expect(page.getByRole('button', { name: 'Copied' }).first()).toBeVisible();
  await expect(announcer).toHaveText('Copied');
  await context.close();
});

test('a toast stays clear of the sticky toolbar and the position pill', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name.includes('phone'), 'c copies the focused row\'s link from a keyboard');
  const context = await browser.newContext({ ...testInfo.project.use });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${origin(PORTS.demo)}/c/${long.conversation.id}?source=demo`);
  await expectComplete(page, long.items.length);
  await page.evaluate(() => window.scrollTo(0, 6000));
  await expect(page.getByTestId('position')).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.locator('[data-view-index]:focus')).toHaveCount(1);
  await page.keyboard.press('c');
  const toast = page.getByTestId('toast');
  await expect(toast).toHaveText('Copied a link to this item');
  const box = (await toast.boundingBox())!;
  for (const covered of [page.locator('.sticky.top-0'), page.getByTestId('position')]) {
    const other = (await covered.boundingBox())!;
    const overlaps = box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
    expect(overlaps, `the toast at ${Math.round(box.y)} covers ${await covered.evaluate((element) => element.className.slice(0, 40))}`).toBe(false);
  }
  await context.close();
});

test('focus stays clear of the sticky toolbar and the position pill, Tab and Shift+Tab alike', async ({ page }) => {
  await page.goto(`/c/${long.conversation.id}?source=demo`);
  await expectComplete(page, long.items.length);
  await page.evaluate(() => window.scrollTo(0, 6000));
  await page.locator('[data-view-index] [role="toolbar"] button').nth(4).focus();
  const hidden: string[] = [];
  for (const key of [...Array<string>(12).fill('Shift+Tab'), ...Array<string>(12).fill('Tab')]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(30);
    const clear = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active?.closest('#transcript-items')) return null;
      const bar = document.querySelector('.sticky.top-0')!.getBoundingClientRect();
      const box = active.getBoundingClientRect();
      return box.top >= bar.bottom - 1 && box.bottom <= window.innerHeight ? null : `${active.getAttribute('aria-label') ?? active.textContent} at ${Math.round(box.top)} under ${Math.round(bar.bottom)}`;
    });
    if (clear) hidden.push(clear);
  }
  expect(hidden).toEqual([]);
});

test('on a phone the sticky toolbar is one row, and the position pill waits below it @phone', async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'phone layout');
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  await expect(page.getByTestId('position')).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 3000));
  const bar = (await page.locator('.sticky.top-0').boundingBox())!;
  expect(bar.height).toBeLessThanOrEqual(64);
  await expect(page.getByTestId('position')).toBeVisible();
  // The pill floats over the rows: the text behind it does not show through.
  const pillBackground = await page.getByTestId('position').evaluate((output) => getComputedStyle(output.parentElement!).backgroundColor);
  expect(pillBackground).toMatch(/^rgb\(/);
  // Unfolded, the controls are all there, above the pill.
  // Rows above the screen are measured as they render after the jump, and their Markdown comes from a worker (later
  // on a busy machine): the reader's place settles first.
  let where: string | null = null;
  await expect
    .poll(
      async () => {
        await scrollSettled(page);
        await expect(page.locator('[data-markdown-pending]')).toHaveCount(0);
        const before = await page.getByTestId('position').textContent();
        await page.waitForTimeout(800);
        where = await page.getByTestId('position').textContent();
        return before === where && (await page.locator('[data-markdown-pending]').count()) === 0;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await page.getByRole('button', { name: 'View ▾' }).tap();
  const collapseAll = (await page.getByRole('button', { name: 'Collapse all' }).boundingBox())!;
  const pill = (await page.getByTestId('position').boundingBox())!;
  expect(collapseAll.y + collapseAll.height).toBeLessThan(pill.y);
  // Unfolding and folding them, with the focus on their button, leaves the reader where they were.
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByRole('button', { name: 'View ▾' }).tap();
  await page.getByRole('button', { name: 'Done' }).tap();
  await expect(page.getByRole('button', { name: 'View ▾' })).toBeFocused();
  await expect(page.getByTestId('position')).toHaveText(where!);
  await page.getByRole('button', { name: 'View ▾' }).tap();
  // A row's actions, the run summary's buttons, the way home and the header's link are targets a finger can hit: 24 px
  // at least, each way.
  const sizes = await page.locator('[data-item-actions] :is(button, a), [data-testid="run-summary"] button, a:text("Open another conversation"), header a[href="/snapshots"]').evaluateAll((targets) =>
    targets.filter((target) => target.getClientRects().length > 0).map((target) => [target.getBoundingClientRect().width, target.getBoundingClientRect().height]),
  );
  expect(sizes.length).toBeGreaterThan(20);
  expect(sizes.filter(([width, height]) => width < 24 || height < 24)).toEqual([]);
});

test("on a phone the position pill's Top and End are targets a finger can hit @phone", async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'phone layout');
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  await page.evaluate(() => window.scrollTo(0, 3000));
  await expect(page.getByTestId('position')).toBeVisible();
  for (const name of ['Go to the top', 'Go to the end']) {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    expect([name, box.width >= 24 && box.height >= 24]).toEqual([name, true]);
  }
  await page.getByRole('button', { name: 'Go to the end' }).tap();
  await expect(page.getByTestId('position')).toHaveText(`Item ${agentRun.items.length} of ${agentRun.items.length}`);
});

test('scrolling and stepping through rows are not read out as live announcements', async ({ page }) => {
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  const liveText = () =>
    page
      .locator(':is([aria-live], output, [role="status"], [role="log"], [role="alert"]):not([aria-live="off"])')
      .evaluateAll((regions) => regions.map((region) => region.textContent ?? '').join(' | '));
  // "All items loaded." is said once and cleared a moment later: the page is quiet before the reader moves.
  await expect(page.getByTestId('announcer')).toBeEmpty();
  const before = await liveText();
  await page.evaluate(() => window.scrollTo(0, 3000));
  await expect(page.getByTestId('position')).not.toHaveText('Item 1 of 50');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('li[data-row]:focus')).toHaveCount(1);
  expect(await liveText()).toBe(before);
  expect(before).not.toContain('Item');
});

test('on a phone an open message keeps its badge and actions on one line, and a folded call its summary readable @phone', async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'phone layout');
  const assistant = agentRun.items.find((item) => item.type === 'message' && (item as { role?: string }).role === 'assistant')!;
  await page.goto(`${agentUrl}#${assistant.id}`);
  await expectComplete(page, agentRun.items.length);
  const message = row(page, assistant.id!);
  // The Markdown switch is its mark on a phone, with its name for screen readers.
  const markdown = message.getByRole('button', { name: 'Markdown' });
  await expect(markdown).toContainText('M↓');
  // Boxes read in one go, relative to the row: the list may move the row between two separate reads.
  const layout = (article: Locator, second: string) =>
    article.evaluate((element, selector) => {
      const top = element.getBoundingClientRect().top;
      const box = (node: Element | null) => {
        const rect = node!.getBoundingClientRect();
        return { y: rect.top - top, height: rect.height, width: rect.width };
      };
      return { row: box(element), badge: box(element.querySelector('header > div > span')), other: box(element.querySelector(selector)) };
    }, second);
  const header = await layout(message, '[role="toolbar"]');
  expect(Math.abs(header.other.y + header.other.height / 2 - (header.badge.y + header.badge.height / 2))).toBeLessThan(8);

  // A folded call with its tool's name: the summary has a line of its own, the width of the row, not a narrow column.
  const call = byType('function_call');
  await page.goto(`${agentUrl}#${call.id}`);
  await expectComplete(page, agentRun.items.length);
  const folded = row(page, call.id!);
  await folded.getByRole('button', { name: 'Collapse' }).click();
  await expect(folded).toHaveAttribute('data-collapsed', '');
  await expect(async () => {
    const { row: rowBox, badge, other: summary } = await layout(folded, '[data-row-summary]');
    expect(summary.width).toBeGreaterThan(rowBox.width * 0.7);
    expect(summary.y).toBeGreaterThanOrEqual(badge.y + badge.height - 1);
  }).toPass({ timeout: 5000 });

  // Without hover, a code block's Copy shows, as the rows' actions do.
  const answer = demo('markdown-answer');
  await page.goto(`/c/${answer.conversation.id}?source=demo`);
  await expectComplete(page, answer.items.length);
  const copyCode = page.locator('button[title="Copy code"]').first();
  await copyCode.scrollIntoViewIfNeeded();
  await expect(copyCode).toHaveCSS('opacity', '1');
});

test("a Markdown answer's headings stay in scale with its text, on a phone too @phone", async ({ page }) => {
  const answer = demo('markdown-answer');
  await page.goto(`/c/${answer.conversation.id}?source=demo`);
  await expectComplete(page, answer.items.length);
  const heading = page.locator('.prose h1').first();
  await heading.scrollIntoViewIfNeeded();
  const [headingSize, textSize] = await heading.evaluate((element) => [getComputedStyle(element).fontSize, getComputedStyle(element.closest('.prose')!).fontSize].map(parseFloat));
  // Half again the text's size at most: twice or more, a title of the answer would fill a phone's screen.
  expect(headingSize).toBeLessThanOrEqual(textSize * 1.5);
  const box = (await heading.boundingBox())!;
  expect(box.height).toBeLessThan(page.viewportSize()!.height / 8);
});

test("on a phone an open row's long badge wraps itself, and leaves the row's actions on its line @phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const type of ['mcp_approval_request', 'configuration_update']) {
    const item = byType(type);
    await page.goto(`${agentUrl}#${item.id}`);
    const header = row(page, item.id).locator('header');
    await expect(header).toBeVisible();
    const badge = (await header.getByText(/^(MCP approval request|Configuration update)$/).boundingBox())!;
    const actions = (await header.getByRole('toolbar').boundingBox())!;
    // Side by side: the actions start right of the badge, level with it.
    expect(actions.x).toBeGreaterThanOrEqual(badge.x + badge.width);
    expect(actions.y).toBeLessThan(badge.y + badge.height);
    expect(actions.x + actions.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
});

test('on a phone the conversation ID takes one line beside Copy ID, shortened in its middle, and reads and copies whole @phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  const id = agentRun.conversation.id;
  const heading = page.getByTestId('conversation-id');
  const copy = page.getByRole('button', { name: 'Copy ID' });
  const lineHeight = await heading.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  const [headingBox, copyBox] = [(await heading.boundingBox())!, (await copy.boundingBox())!];
  expect(headingBox.height).toBeLessThan(lineHeight * 1.5);
  expect(headingBox.x + headingBox.width).toBeLessThanOrEqual(copyBox.x);
  expect(Math.abs(headingBox.y + headingBox.height / 2 - (copyBox.y + copyBox.height / 2))).toBeLessThan(4);
  // Its start and its end show; the whole of it is its text, its tooltip and what a selection of it copies.
  await expect(heading).toHaveAttribute('title', id);
  expect(await heading.evaluate((element) => (element as HTMLElement).innerText)).toBe(id);
  // A screen reader hears it whole too, with no space where its shortened part ends.
  await expect(heading).toHaveAccessibleName(id);
  expect(await heading.ariaSnapshot()).toBe(`- heading "${id}" [level=1]`);
  const endShows = await heading.evaluate((element, end) => {
    const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last = texts.nextNode()!;
    for (let next = texts.nextNode(); next; next = texts.nextNode()) last = next;
    const range = document.createRange();
    range.setStart(last, (last.textContent ?? '').length - end.length);
    range.setEnd(last, (last.textContent ?? '').length);
    const box = range.getBoundingClientRect();
    return range.toString() === end && box.width > 0 && box.right <= element.getBoundingClientRect().right + 1;
  }, id.slice(-6));
  expect(endShows).toBe(true);
});

test('a Markdown task that wraps goes on under its own text, not under its checkbox, on a phone @phone', async ({ page }) => {
  const answer = demo('markdown-answer');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/c/${answer.conversation.id}?source=demo`);
  await expectComplete(page, answer.items.length);
  const task = page.locator('.prose li.task-list-item').filter({ hasText: 'Benchmark 200 writes/sec' });
  await task.scrollIntoViewIfNeeded();
  // Where each line of its text starts, and where its checkbox ends.
  const { checkboxRight, lefts } = await task.evaluate((item) => {
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    const lineStarts = new Map<number, number>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const line = Math.round(rect.bottom);
        if (rect.width > 0) lineStarts.set(line, Math.min(lineStarts.get(line) ?? Infinity, rect.left));
      }
    }
    return { checkboxRight: item.querySelector('input')!.getBoundingClientRect().right, lefts: [...lineStarts.values()] };
  });
  expect(lefts.length).toBeGreaterThan(1);
  expect(lefts[0]).toBeGreaterThan(checkboxRight);
  // It wraps, and every line of it starts where the first does, right of the checkbox.
  for (const left of lefts) expect(Math.abs(left - lefts[0])).toBeLessThan(2);
});

test('the position pill leaves the last row readable, and says the last item at the very end', async ({ page }) => {
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(page.getByTestId('position')).toHaveText(`Item ${agentRun.items.length} of ${agentRun.items.length}`);
  const last = page.locator('li[data-row] article').last();
  await last.hover();
  const actions = (await last.locator('[role="toolbar"]').boundingBox())!;
  const pill = (await page.getByTestId('position').locator('..').boundingBox())!;
  const overlaps = actions.y < pill.y + pill.height && pill.y < actions.y + actions.height && actions.x < pill.x + pill.width && pill.x < actions.x + actions.width;
  expect(overlaps).toBe(false);

  // A filtered list that fits on the screen has no end to be at: the pill names its first row, at the top.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.goto(`${agentUrl}&failures=only`);
  await expectComplete(page, agentRun.items.length);
  await expect(page.locator('article[data-item-id]')).toHaveCount(2);
  const firstId = await page.locator('article[data-item-id]').first().getAttribute('data-item-id');
  const firstFailure = agentRun.items.findIndex((item) => item.id === firstId);
  await expect(page.getByTestId('position')).toHaveText(`Item ${firstFailure + 1} of ${agentRun.items.length}`);
});

test('the position pill names the row the reader sees at the top, not the one whose last gap shows under the toolbar', async ({ page }) => {
  const markdown = demo('markdown-answer');
  await page.goto(`/c/${markdown.conversation.id}?source=demo`);
  await expectComplete(page, markdown.items.length);
  await page.evaluate(() => window.scrollTo(0, 600));
  await scrollSettled(page);
  // Scrolled so that the second row's content has gone under the toolbar, and only the space beneath it shows. Rows
  // still rendering their Markdown change height on a busy machine: the reader's place is set again until it holds.
  await expect(async () => {
    await page.evaluate(() => {
      const bar = document.querySelector('.sticky.top-0')!.getBoundingClientRect().bottom;
      const second = document.querySelector('li[data-row="1"]')!;
      const contentEnd = second.querySelector('article')!.getBoundingClientRect().bottom;
      window.scrollBy(0, contentEnd - bar + 2);
    });
    await scrollSettled(page);
    const under = await page.evaluate(() => document.querySelector('li[data-row="1"]')!.getBoundingClientRect().bottom - document.querySelector('.sticky.top-0')!.getBoundingClientRect().bottom);
    expect(under).toBeGreaterThan(0);
    await expect(page.getByTestId('position')).toHaveText(`Item 3 of ${markdown.items.length}`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test('the summary and the filter count the same things @phone', async ({ page }) => {
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  await unfoldToolbar(page);
  const chip = async (label: string) => Number((await page.getByRole('button', { name: new RegExp(`^${label} \\d+$`) }).textContent())!.replace(/\D/g, ''));
  const tools = Number((await page.getByTestId('summary-tools').textContent())!.split(':')[0]);
  expect(tools).toBe(await chip('Tools'));
  await expect(page.getByTestId('summary-reasoning')).toHaveText(`${await chip('Reasoning')} (3 Reasoning, 1 Compaction)`);
  await expect(page.getByTestId('summary-messages')).toHaveText(new RegExp(`^${await chip('Messages')} `));
});

test('one-liners say what matters, and fit on a phone @phone', async ({ page }) => {
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  const timings = agentRun.items.find((item) => item.type === 'function_call' && JSON.stringify(item).includes('run_ids'))!;
  await page.goto(`${agentUrl}#${timings.id}`);
  await expectComplete(page, agentRun.items.length);
  await unfoldToolbar(page);
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(row(page, timings.id)).toContainText('run_ids: [4182, 4181, … 14 in all]');
  // A link opens its row; collapsed again, the row shows its one line.
  const image = row(page, byType('image_generation_call').id);
  await page.goto(`${agentUrl}#${byType('image_generation_call').id}`);
  await image.getByRole('button', { name: 'Collapse' }).click();
  await expect(image.locator('header')).toContainText(/PNG image, [\d.]+ KB/);
  const interpreter = row(page, byType('code_interpreter_call').id);
  await page.goto(`${agentUrl}#${byType('code_interpreter_call').id}`);
  await interpreter.getByRole('button', { name: 'Collapse' }).click();
  await expect(interpreter.locator('header')).toContainText('runs = [4169');
  await expect(interpreter.locator('header')).not.toContainText('cntr_');

  const reasoning = row(page, byType('reasoning').id);
  await page.goto(`${agentUrl}#${byType('reasoning').id}`);
  await reasoning.getByRole('button', { name: 'Collapse' }).click();
  await expect(reasoning.locator('header')).toContainText('Triaging the failed run');
  await expect(reasoning.locator('header')).not.toContainText('**');

  // The output size of a successful call is on screen, however narrow.
  const read = agentRun.items.filter((item) => item.type === 'function_call' && JSON.stringify(item).includes('read_file'))[1];
  await page.goto(`${agentUrl}#${read.id}`);
  await row(page, read.id).getByRole('button', { name: 'Collapse' }).click();
  const size = row(page, read.id).getByText(/^→ \d+ B$/);
  await expect(size).toBeVisible();
  const sizeBox = (await size.boundingBox())!;
  const header = (await row(page, read.id).locator('header > div').first().boundingBox())!;
  expect(sizeBox.x + sizeBox.width).toBeLessThanOrEqual(header.x + header.width + 1);
});

test("an open row's title keeps its words whole beside the actions on a phone @phone", async ({ page }) => {
  const commentary = agentRun.items.find((item) => item.type === 'message' && (item as { phase?: string }).phase === 'commentary')!;
  await page.goto(`${agentUrl}#${commentary.id}`);
  await expectComplete(page, agentRun.items.length);
  const header = row(page, commentary.id).locator('header');
  await expect(header.getByText('commentary', { exact: true })).toBeVisible();
  await expect(header.getByTitle(/^Estimated tokens/)).toBeVisible();
  // Neither the subtitle nor the token count is cut short or drawn under the actions.
  const boxes = await header.evaluate((element) => {
    const box = (node: Element | null) => node?.getBoundingClientRect().toJSON() as DOMRect;
    const subtitle = [...element.querySelectorAll('span')].find((span) => span.textContent === 'commentary')!;
    return {
      truncated: subtitle.scrollWidth > subtitle.clientWidth,
      subtitle: box(subtitle),
      tokens: box(element.querySelector('[title^="Estimated tokens"]')),
      actions: box(element.querySelector('[role="toolbar"]')),
    };
  });
  expect(boxes.truncated).toBe(false);
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  expect(overlaps(boxes.subtitle, boxes.actions)).toBe(false);
  expect(overlaps(boxes.tokens, boxes.actions)).toBe(false);
});

test('errors say what helps', async ({ page }) => {
  await page.goto('/c/conv_does_not_exist_anywhere?source=demo');
  await expect(page.getByRole('alert')).toContainText('Conversation not found');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);

  const form = async (text: string) => {
    await page.goto('/');
    await page.getByLabel('Conversation ID, API URL or share link').fill(text);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
  };
  await form(`https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/conversations/${agentRun.conversation.id}/items`);
  await expect(page.getByRole('alert')).toContainText('That is a DashScope URL, but this viewer has no DashScope source set up');
  await form('https://viewer.example.com/s/AbCdEfGhIjKlMnOpQrSt');
  await expect(page).toHaveURL(/\/s\/AbCdEfGhIjKlMnOpQrSt$/);

  await page.goto('/');
  await page.getByLabel('Or paste JSON').fill('<html>not json</html>');
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page.getByRole('alert')).toContainText('The pasted text is an HTML page, not JSON');
  await page.getByLabel('Or paste JSON').fill(JSON.stringify({ object: 'list', data: agentRun.items.slice(0, 3) }));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page).toHaveURL(/\/file/);
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  // Pasted items name no conversation: there is no ID to copy, and the way home is where a transcript's is.
  await expect(page.getByTestId('conversation-id')).toHaveText('Pasted JSON');
  await expect(page.getByRole('button', { name: 'Copy ID' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Open another conversation' }).click();
  await expect(page.getByRole('heading', { name: 'Read a conversation' })).toBeVisible();
});

test('the Snapshots page reads in the dark scheme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${origin(PORTS.demo)}/snapshots`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Loading snapshots…')).toHaveCount(0, { timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('Stop loading keeps its element while items stream in, so a click always lands', async ({ page }) => {
  // Counts every Stop loading button the page ever adds: a re-created button would count twice.
  await page.addInitScript(() => {
    const seen = new WeakSet<Element>();
    (window as unknown as { stopButtons: number }).stopButtons = 0;
    new MutationObserver(() => {
      for (const button of document.querySelectorAll('button')) {
        if (button.textContent === 'Stop loading' && !seen.has(button)) {
          seen.add(button);
          (window as unknown as { stopButtons: number }).stopButtons += 1;
        }
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`${origin(PORTS.faults)}/c/conv_fault_slowpages_${Date.now()}?source=openai`);
  const stop = page.getByRole('button', { name: 'Stop loading' });
  await expect(stop).toBeVisible();
  // One element from the first page to the last, through every progress update.
  await expectComplete(page, SLOW_PAGES_ITEMS, { timeout: 30_000 });
  await expect(stop).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stopButtons: number }).stopButtons)).toBe(1);
});

test('item actions show on hover and focus where there is hover, and always on touch @phone', async ({ page }) => {
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  const first = row(page, agentRun.items[0].id);
  const actions = first.locator('[data-item-actions]');
  const opacity = () => actions.evaluate((element) => getComputedStyle(element).opacity);
  if (test.info().project.name.includes('phone')) {
    expect(await opacity()).toBe('1');
    return;
  }
  await page.mouse.move(0, 0);
  await expect.poll(opacity).toBe('0');
  await first.hover();
  await expect.poll(opacity).toBe('1');
  await page.mouse.move(0, 0);
  await first.getByRole('button', { name: 'Collapse' }).focus();
  await expect.poll(opacity).toBe('1');
});

/**
 * The reader turns the wheel a pixel, and the page has scrolled before the next step: a wheel's scroll lands a few
 * frames later, and on a busy machine it could land after a filter's jump and take the reader back.
 */
/**
 * Clicks where the element is, as a reader's pointer does. Playwright's own click first scrolls the element into view,
 * and for a button in the sticky toolbar Chromium scrolls the page towards where the toolbar would sit unstuck.
 */
async function clickInPlace(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  await locator.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function nudge(page: Page) {
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 1);
  await expect.poll(() => page.evaluate(() => window.scrollY)).not.toBe(before);
  // And has stopped: five frames in a row at the same place.
  await scrollSettled(page);
}

test('hiding a kind of item in a finished run keeps the reader on the item they were reading', async ({ page }) => {
  const ID = 'conv_filter_place_e2e';
  const items = Array.from({ length: 300 }, (_, turn) => [
    { id: `msg_${turn}`, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: `Question ${turn}` }] },
    { id: `fc_${turn}`, type: 'function_call', call_id: `call_${turn}`, name: 'lookup', arguments: JSON.stringify({ turn }), status: 'completed' },
    { id: `fco_${turn}`, type: 'function_call_output', call_id: `call_${turn}`, output: `result ${turn}` },
  ]).flat();
  await page.route(`**/api/sources/demo/conversations/${ID}`, (route) => route.fulfill({ json: { id: ID, object: 'conversation', created_at: 1_760_000_000, metadata: {} } }));
  await page.route(`**/api/sources/demo/conversations/${ID}/stream**`, (route) =>
    route.fulfill({ contentType: 'application/x-ndjson', body: `${JSON.stringify({ type: 'items', end: 'head', items })}\n${JSON.stringify({ type: 'done' })}\n` }),
  );
  await page.goto(`/c/${ID}?source=demo&order=asc#msg_200`);
  await expectComplete(page, items.length);
  const reading = row(page, 'msg_200');
  await expect(reading).toBeInViewport();
  // Long enough for the list to settle after loading, so only the filter's own change can move the reader.
  await page.waitForTimeout(1000);
  await nudge(page);
  await clickInPlace(page.getByRole('button', { name: /^Tools [\d,]+$/ }));
  await expect(page.getByTestId('filter-summary')).toContainText('Showing 300 of 900');
  await expect(reading).toBeInViewport();
  // Showing the kind again keeps the reader's top message at the top, though the 400 tool rows above were never
  // measured (their guessed heights are short of the real ones).
  await page.waitForTimeout(1200);
  const topMessage = () =>
    page.evaluate(() => {
      const line = document.querySelector('.sticky.top-0')?.getBoundingClientRect().bottom ?? 0;
      return [...document.querySelectorAll('article[data-item-id^="msg_"]')].find((article) => article.getBoundingClientRect().bottom > line + 1)?.getAttribute('data-item-id');
    });
  const top = await topMessage();
  await nudge(page);
  await clickInPlace(page.getByRole('button', { name: /^Tools [\d,]+$/ }));
  await expect(page.getByTestId('filter-summary')).toHaveCount(0);
  await expect.poll(topMessage).toBe(top);
  // The reader moving on at once (here with the Home key) is not pulled back to the kept item.
  await page.keyboard.press('Home');
  await page.waitForTimeout(1200);
  await expect(row(page, 'msg_0')).toBeInViewport();
});

test('on a narrow screen an item toolbar still takes Tab, and its arrow keys step over the actions it hides', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(agentUrl);
  await expectComplete(page, agentRun.items.length);
  const focused = () => page.evaluate(() => `${document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-type')} ${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent}`);
  // The system message, open: Copy JSON is left out on a narrow screen, so Copy's right-hand neighbour is Raw JSON.
  await page.keyboard.press('j');
  // The row takes the focus once it is on screen: Tab from there, not from where the focus was.
  await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('[data-item-id]')?.getAttribute('data-item-type'))).toBe('message');
  await page.keyboard.press('Tab');
  await expect.poll(focused).toMatch(/^message Markdown/);
  await page.keyboard.press('ArrowRight');
  await expect.poll(focused).toBe('message Copy');
  await page.keyboard.press('ArrowRight');
  await expect.poll(focused).toBe('message Raw JSON');
  // A folded tool row, whose permalink is left out: Tab goes into its toolbar, not past it to the next row.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('[data-item-id]')?.getAttribute('data-item-type'))).toBe('additional_tools');
  await page.keyboard.press('Tab');
  await expect.poll(focused).toBe('additional_tools Expand');
});
