import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { demo } from './demo-data.ts';
import { expectComplete, walkTranscript } from './transcript-helpers.ts';

const agentRun = demo('agent-run');
const DEMOS = readdirSync(new URL('../src/server/demo/conversations/', import.meta.url))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''));

/** The rules whose outcome depends on the colour scheme; the rest read the same DOM in both. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    // Each axe run costs seconds on a long page: the dark scheme is checked for what differs in it, its colours.
    const rules = scheme === 'dark' ? COLOUR_RULES : undefined;

    test('the home page has no serious or critical violation', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      expect(await seriousViolations(page, [], rules)).toEqual([]);
    });

    test('a kind switched off in the filter keeps its count readable', async ({ page }) => {
      const agent = demo('agent-run');
      await page.goto(`/c/${agent.conversation.id}?source=demo`);
      const tools = page.getByRole('button', { name: /^Tools \d+$/ });
      await tools.click();
      await expect(tools).toHaveAttribute('aria-pressed', 'false');
      expect(await seriousViolations(page, ['fieldset'], COLOUR_RULES)).toEqual([]);
    });
  });
}

/**
 * The serious and critical violations within these selectors: every rule in the light scheme, then the colour rules
 * in the dark one, on the same rows (the page's colours follow the scheme in CSS alone, so it need not load again).
 */
async function violationsInBothSchemes(page: Page, within: string[]): Promise<string[]> {
  const light = await seriousViolations(page, within);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await seriousViolations(page, within, COLOUR_RULES);
  await page.emulateMedia({ colorScheme: 'light' });
  return [...light, ...dark.map((violation) => `dark: ${violation}`)];
}

test.describe('axe, light and dark schemes', () => {
  test.use({ colorScheme: 'light' });
  for (const name of DEMOS) {
    test(`demo "${name}" has no serious or critical violation, collapsed, and expanded at every scroll position`, async ({ page }) => {
      test.setTimeout(420_000);
      // A tall window: each scroll position shows many rows, so the walk takes few steps.
      await page.setViewportSize({ width: 1280, height: 6000 });
      const file = demo(name);
      await page.goto(`/c/${file.conversation.id}?source=demo`);
      await expectComplete(page, file.items.length, { timeout: 90_000 });
      // Colours at once: mid-transition, a control's contrast would be measured between two schemes. (A sheet built
      // in script, as the page's policy allows no inline style.)
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('*, *::before, *::after { transition: none !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      expect(await violationsInBothSchemes(page, [])).toEqual([]);
      await page.getByRole('button', { name: 'Expand all' }).click();
      const found = new Set<string>();
      const checked = new Set<string>();
      await walkTranscript(page, async () => {
        // Every row's actions show, as on hover, so their contrast is checked too.
        await page.locator('[data-item-actions]').evaluateAll((elements) =>
          elements.forEach((element) => {
            (element as HTMLElement).style.opacity = '1';
          }),
        );
        // Each row is checked once, when it first comes into the DOM.
        const rows = (await page.locator('li[data-row]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-row') ?? ''))).filter((row) => !checked.has(row));
        if (rows.length === 0) return;
        rows.forEach((row) => checked.add(row));
        for (const violation of await violationsInBothSchemes(page, rows.map((row) => `li[data-row="${row}"]`))) found.add(violation);
      });
      expect([...found]).toEqual([]);
    });
  }
});

test("a shell's output wraps between words on a phone, not inside them", async ({ page }) => {
  const shellId = agentRun.items.find((item) => item.type === 'local_shell_call')!.id;
  // A phone's width, where the compiler's lines run past the edge.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/c/${agentRun.conversation.id}?source=demo#${shellId}`);
  const stderr = page.locator(`article[data-item-id="${shellId}"] [data-paired-output]`).getByText(/is not assignable to parameter/);
  await expect(stderr).toBeVisible();
  // Each word of the compiler's message is on one line: a range over it has a single box.
  const split = await stderr.evaluate((element) => {
    const text = element.firstChild ?? element;
    const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
    return words
      .filter((word) => {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        return range.getClientRects().length > 1;
      })
      .map((word) => word[0]);
  });
  expect(split).toEqual([]);
});

test("on a phone a code block's Copy button leaves the block's first line readable @phone", async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'a touch screen, where Copy is always shown');
  const markdown = demo('markdown-answer');
  await page.goto(`/c/${markdown.conversation.id}?source=demo`);
  await expectComplete(page, markdown.items.length);
  const block = page.locator('pre').first();
  await block.scrollIntoViewIfNeeded();
  const copy = block.locator('xpath=..').getByRole('button', { name: 'Copy' });
  await expect(copy).toBeVisible();
  // The boxes of the first line's text (a line that runs on past the block's edge, as on a phone, included).
  const overlaps = await block.evaluate((pre, button) => {
    const range = document.createRange();
    range.selectNodeContents(pre);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    const top = Math.min(...rects.map((rect) => rect.top));
    const firstLine = rects.filter((rect) => rect.top < top + 4);
    const clip = pre.getBoundingClientRect();
    const at = (button as Element).getBoundingClientRect();
    return firstLine.filter((rect) => rect.left < Math.min(at.right, clip.right) && rect.right > at.left && rect.top < at.bottom && rect.bottom > at.top).length;
  }, await copy.elementHandle());
  expect(overlaps).toBe(0);
});

test('a tool call and its output are one row, collapsed to one line until clicked; Expand all and Collapse all apply to all', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  const shellId = agentRun.items.find((item) => item.type === 'local_shell_call')!.id;
  // A link opens its row expanded; a click on the title folds it to one line, and another opens it again.
  await page.goto(`/c/${agentRun.conversation.id}?source=demo#${shellId}`);
  const call = page.locator(`article[data-item-id="${shellId}"]`);
  await expect(call).toBeInViewport();
  await expect(call).not.toHaveAttribute('data-collapsed');
  await expect(call.locator('[data-paired-output]')).toContainText('exit 1');
  // The exit badge and the stdout heading below it do not touch.
  const badge = await call.locator('[data-paired-output]').getByText('exit 1', { exact: true }).boundingBox();
  const heading = await call.locator('[data-paired-output]').getByText('stdout', { exact: true }).boundingBox();
  expect(heading!.y - (badge!.y + badge!.height)).toBeGreaterThanOrEqual(4);
  await expect(page.locator('article[data-item-type="local_shell_call_output"]')).toHaveCount(0);
  await call.getByRole('button', { name: 'Collapse' }).click();
  await expect(call).toHaveAttribute('data-collapsed', '');
  await expect(call).toContainText('npm test');
  await expect(call).toContainText('exit 1');

  await call.locator('header').getByText('npm test').click();
  await expect(call).not.toHaveAttribute('data-collapsed');
  await call.getByRole('button', { name: 'Collapse' }).click();
  await expect(call).toHaveAttribute('data-collapsed', '');

  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.locator('article[data-collapsed]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('article:not([data-collapsed])')).toHaveCount(0);

  // The approval is its own row, after the user message that gave it; its request links to it.
  await page.getByRole('button', { name: 'Expand all' }).click();
  const requestId = agentRun.items.find((item) => item.type === 'mcp_approval_request')!.id;
  await page.goto(`/c/${agentRun.conversation.id}?source=demo#${requestId}`);
  await expectComplete(page, agentRun.items.length);
  const request = page.locator('article[data-item-type="mcp_approval_request"]');
  await request.getByRole('link', { name: 'see the answer' }).click();
  await expect(page.locator('article[data-item-type="mcp_approval_response"]')).toHaveClass(/item-highlight/);
  const order = await page.locator('article[data-item-id]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-item-type')));
  expect(order.indexOf('mcp_approval_response')).toBeGreaterThan(order.indexOf('message'));
});

test('each item takes one Tab stop; arrow keys move along its controls', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const skip = page.getByRole('link', { name: 'Skip to the transcript' });
  for (let i = 0; i < 5 && !(await skip.evaluate((link) => link === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');

  // Tab visits each item's toolbar once, in order; links and sections inside the content are its only other stops. The
  // list renders only the rows near the screen (and none behind a scroll while it moves), so each stop is checked
  // against the row rendered just before it at that moment.
  const firstRow = await page.locator('article[data-item-id]').first().getAttribute('data-item-id');
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      const row = active?.closest('[data-item-id]');
      const order = [...document.querySelectorAll('article[data-item-id]')];
      const at = row ? order.indexOf(row as HTMLElement) : -1;
      return {
        item: row?.getAttribute('data-item-id') ?? null,
        before: at > 0 ? order[at - 1].getAttribute('data-item-id') : null,
        toolbar: Boolean(active?.closest('[role="toolbar"]')),
      };
    });
  const toolbarStops: { item: string | null; before: string | null }[] = [];
  // How many content stops lie between (links, disclosures, code blocks) depends on what has rendered by then (the
  // Markdown view and highlighted code arrive later on a busy machine), so walk until ten toolbars, with room to spare.
  for (let i = 0; i < 100 && toolbarStops.length < 10; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await focused();
    if (stop.toolbar) toolbarStops.push(stop);
  }
  expect(toolbarStops.length).toBeGreaterThanOrEqual(10);
  expect(toolbarStops[0].item).toBe(firstRow);
  for (let i = 1; i < toolbarStops.length; i += 1) expect(toolbarStops[i].before, `the row before Tab stop ${i + 1}`).toBe(toolbarStops[i - 1].item);
  // Back at the top, where the first item (which holds no links) is rendered again.
  await page.evaluate(() => window.scrollTo(0, 0));
  const rows = [firstRow, toolbarStops[1].item];
  // Both rows, before the focus goes into the first: the rows near the top render in a task after the scroll's frame.
  for (const id of rows) await expect(page.locator(`article[data-item-id="${id}"]`)).toBeAttached();

  // Inside one item, the arrow keys reach its other controls (shown once focus is in the row), and Tab leaves for the next item.
  await page.locator(`article[data-item-id="${rows[0]}"] [role="toolbar"] button`).first().focus();
  await expect(page.locator(':focus')).toHaveAccessibleName('Markdown');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAccessibleName('Copy');
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAccessibleName('Collapse');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Link to item/);
  // Tab leaves the item for the next one. On a busy machine the rows near the top may still be settling after the
  // scroll (a row kept for the focus it held goes last): from the same control, Tab is tried again until they have.
  await expect(async () => {
    await page.locator(`article[data-item-id="${rows[0]}"] [role="toolbar"] [aria-label^="Link to item"]`).focus();
    await page.keyboard.press('Tab');
    expect((await focused()).item).toBe(rows[1]);
  }).toPass({ timeout: 10_000 });
});

test('the row that holds the focus stays in the page while the reader scrolls far from it', async ({ page }) => {
  const long = demo('long-support-thread');
  await page.goto(`/c/${long.conversation.id}?source=demo`);
  await expectComplete(page, long.items.length);
  const first = page.locator('li[data-view-index="0"]');
  await first.focus();
  await expect(first).toBeFocused();
  // To the end and back to the middle: the list renders other rows, and keeps the focused one.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator(`article[data-item-id="${long.items.at(-1)!.id}"]`)).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(page.locator('li[data-view-index="1"]')).toHaveCount(0);
  await expect(first).toBeFocused();
  await expect(first.locator('article')).toHaveAttribute('data-item-id', long.items[0].id);
});

test('the run summary counts the run, and steps through its failures', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  const summary = page.getByTestId('run-summary');
  await expect(page.getByTestId('run-title')).toHaveText(/^CI on main has been red since this morning/);
  await expect(page.getByTestId('summary-messages')).toHaveText(/^9 \(4 assistant, 3 user, 1 developer, 1 system\)$/);
  await expect(page.getByTestId('summary-tools')).toContainText('read_file 2');
  await expect(page.getByTestId('summary-tokens')).toHaveText(/^≈ [\d,]+ tokens \(estimate\)$/, { timeout: 20_000 });
  // The rows on screen show their own estimate once it is counted.
  await expect(page.locator(`article[data-item-id="${agentRun.items[0].id}"]`).getByTitle(/^Estimated tokens/)).toHaveText(/^≈ [\d,]+ tokens/);
  await expect(page.getByTestId('summary-failures')).toHaveText('2 failed or incomplete items');

  await summary.getByRole('button', { name: 'First failure' }).click();
  const first = page.locator('[data-view-index]:focus article');
  await expect(first).toHaveAttribute('data-item-type', 'function_call');
  await expect(first).not.toHaveAttribute('data-collapsed');
  await expect(first).toBeInViewport();
  await summary.getByRole('button', { name: 'Next failure' }).click();
  await expect(page.locator('[data-view-index]:focus article')).toHaveAttribute('data-item-type', 'local_shell_call');
  await summary.getByRole('button', { name: 'Previous failure' }).click();
  await expect(page.locator('[data-view-index]:focus article')).toHaveAttribute('data-item-type', 'function_call');
});

test('compact view: one line per item, turns that fold, remembered; the agent run fits in three screens', async ({ page }) => {
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  await page.getByRole('button', { name: 'Compact', exact: true }).click();
  await expect(page.locator('article[data-item-id]:not([data-collapsed])')).toHaveCount(0);
  // Switched on in a loaded page, the rows on screen sit 4 px apart (a turn's header aside), as they do when the page
  // opens compact: none keeps the spacing it had in the full view.
  const gaps = () =>
    page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('li[data-view-index]')].sort((a, b) => Number(a.dataset.viewIndex) - Number(b.dataset.viewIndex));
      return rows.slice(1).flatMap((row, at) => {
        const above = rows[at];
        if (Number(row.dataset.viewIndex) !== Number(above.dataset.viewIndex) + 1 || row.firstElementChild?.tagName !== 'ARTICLE') return [];
        return [Math.round(row.querySelector('article')!.getBoundingClientRect().top - above.querySelector('article')!.getBoundingClientRect().bottom)];
      });
    });
  await expect.poll(async () => [...new Set(await gaps())]).toEqual([4]);
  // Every row measured, at a desktop width and a laptop screen's height.
  await page.setViewportSize({ width: 1280, height: 800 });
  await walkTranscript(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(3 * 800);
  await page.evaluate(() => window.scrollTo(0, 1000));

  const turn2 = page.getByRole('button', { name: 'Turn 2' });
  await expect(turn2).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('article[data-item-type="mcp_approval_response"]')).toHaveCount(1);
  await turn2.click();
  await expect(turn2).toHaveAttribute('aria-expanded', 'false');
  // The turn keeps its user message; everything after it up to the next turn folds away.
  await expect(page.locator('article[data-item-type="mcp_approval_response"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Turn 3' })).toBeInViewport();

  await page.reload();
  await expectComplete(page, agentRun.items.length);
  await expect(page.getByRole('button', { name: 'Compact', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // On a phone a turn's header breaks between its parts, never inside one: each part is a line of its own at most.
  await page.setViewportSize({ width: 390, height: 844 });
  const parts = page.locator('[data-turn-size] > span').filter({ hasText: 'context so far' });
  await expect(parts.first()).toBeVisible();
  expect(await parts.evaluateAll((elements) => elements.map((element) => element.getClientRects().length))).not.toContain(2);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Full', exact: true }).click();
  await expect(page.locator('article[data-item-type="message"]:not([data-collapsed])').first()).toBeVisible();
});

test("compact view on a phone: a turn's fold switch is a target a finger can hit @phone", async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'phone layout');
  await page.goto(`/c/${agentRun.conversation.id}?source=demo`);
  await expectComplete(page, agentRun.items.length);
  await page.getByRole('button', { name: 'View ▾' }).tap();
  await page.getByRole('button', { name: 'Compact', exact: true }).tap();
  await page.getByRole('button', { name: 'Done' }).tap();
  const turn1 = page.getByRole('button', { name: 'Turn 1', exact: true });
  await turn1.scrollIntoViewIfNeeded();
  const box = (await turn1.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(24);
  expect(box.width).toBeGreaterThanOrEqual(24);
  await turn1.tap();
  await expect(turn1).toHaveAttribute('aria-expanded', 'false');
});

test('compact view, newest first: each turn header heads its own rows, and folding it leaves its first message under it', async ({ page }) => {
  const users = agentRun.items.filter((item) => item.type === 'message' && (item as { role?: string }).role === 'user');
  const last = users.at(-1)!;
  await page.goto(`/c/${agentRun.conversation.id}?source=demo&order=desc`);
  await expectComplete(page, agentRun.items.length);
  await page.getByRole('button', { name: 'Compact', exact: true }).click();
  // The newest row belongs to the last turn: its header is above it, not above the turn's user message further down.
  const top = page.locator('[data-view-index="0"]');
  await expect(top.getByRole('button', { name: `Turn ${users.length}` })).toBeVisible();
  await expect(top.locator('article')).not.toHaveAttribute('data-item-id', last.id!);
  const header = page.getByRole('button', { name: `Turn ${users.length}` });
  await expect(header).toHaveCount(1);
  // Folded, the turn is its user message, right under its header; the turn before it starts on the next row.
  await header.click();
  await expect(top.locator('article')).toHaveAttribute('data-item-id', last.id!);
  await expect(page.locator('[data-view-index="1"]').getByRole('button', { name: `Turn ${users.length - 1}` })).toBeVisible();

  // What came before the first user message (system and developer messages, tools set up) has a header of its own
  // at the end, so it does not read as part of turn 1, and stays when turn 1 is folded.
  const before = agentRun.items.findIndex((item) => item === users[0]);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  const turn1 = page.getByRole('button', { name: 'Turn 1', exact: true });
  await turn1.click();
  await expect(turn1).toHaveAttribute('aria-expanded', 'false');
  const heading = page.getByText('Before turn 1', { exact: true });
  await expect(heading).toBeVisible();
  await expect(heading.locator('xpath=..')).toContainText(`${before} items`);
  // The oldest row of all sits under that header, below turn 1's.
  const oldest = page.locator(`[data-item-id="${agentRun.items[0].id}"]`);
  await expect(oldest).toBeVisible();
  expect((await oldest.boundingBox())!.y).toBeGreaterThan((await heading.boundingBox())!.y);
  expect((await heading.boundingBox())!.y).toBeGreaterThan((await turn1.boundingBox())!.y);
});

test("compact view: after a compaction, a turn's context counts from the compaction, not the items it replaced", async ({ page }) => {
  // The agent run compacts its context in turn 2; turn 3 follows.
  await page.goto(`/c/${agentRun.conversation.id}?source=demo&order=desc`);
  await expectComplete(page, agentRun.items.length);
  await page.getByRole('button', { name: 'Compact', exact: true }).click();
  const size = (turn: number) => page.getByRole('button', { name: `Turn ${turn}` }).locator('xpath=..').locator('[data-turn-size]');
  await expect(size(3)).toContainText(/context since the compaction ≈ [\d,]+$/, { timeout: 15_000 });
  await expect(size(3)).not.toContainText('context so far');
});

test('the overview strip jumps to where it is clicked', async ({ page }) => {
  const long = demo('long-support-thread');
  await page.goto(`/c/${long.conversation.id}?source=demo`);
  await expectComplete(page, long.items.length);
  const strip = page.getByTestId('overview-strip');
  const box = (await strip.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.9);
  await expect(page.getByTestId('position')).toHaveText(/^Item (3[0-4]\d) of 350$/);
});

test('a focused text field shows a ring as plain as a focused button, in light and dark', async ({ browser }, testInfo) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ ...testInfo.project.use, colorScheme });
    const page = await context.newPage();
    await page.goto('/');
    const field = page.getByRole('textbox', { name: /conversation/i }).first();
    await field.focus();
    // The ring's color, as its box shadow draws it: opaque enough to find the focus at a glance.
    const alpha = await field.evaluate((element) => {
      const shadow = getComputedStyle(element).boxShadow;
      const colors = [...shadow.matchAll(/(?:rgba?|oklch|oklab|color)\(([^)]*)\)/g)].map((match) => match[1]);
      const alphas = colors.map((color) => {
        const slash = color.split('/')[1];
        if (slash !== undefined) return parseFloat(slash) / (slash.includes('%') ? 100 : 1);
        const parts = color.split(',');
        return parts.length === 4 ? parseFloat(parts[3]) : 1;
      });
      return Math.max(0, ...alphas.filter((value) => value > 0 && value < 1.01));
    });
    expect(alpha, colorScheme).toBeGreaterThanOrEqual(0.6);
    await context.close();
  }
});
