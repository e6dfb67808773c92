import { expect, test } from '@playwright/test';
import { demo } from './demo-data.ts';
import { expectComplete, items, scrollSettled } from './transcript-helpers.ts';

const long = demo('long-support-thread');
const url = `/c/${long.conversation.id}?source=demo`;
const x509 = long.items.filter((item) => JSON.stringify(item).includes('x509'));
const search = (page: import('@playwright/test').Page) => page.getByRole('searchbox', { name: 'Search the transcript' });
/** The texts the search marks on the page (CSS Custom Highlight ranges). */
const markedText = (page: import('@playwright/test').Page) => page.evaluate(() => [...(CSS.highlights.get('transcript-match') ?? [])].map((range) => (range as Range).toString()));

/**
 * The current match's first mark (a CSS Custom Highlight range) and whether the reader sees it: what the page shows at
 * its place is its own text, not the sticky toolbar, the bar at the bottom, a folded part or the edge of a box that
 * scrolls.
 */
const currentMark = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const range = [...(CSS.highlights.get('transcript-current') ?? [])][0] as Range | undefined;
    const box = range?.getClientRects()[0];
    if (!range || !box) return null;
    const holder = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : (range.startContainer as Element);
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 4), box.top + box.height / 2);
    return { text: range.toString(), shown: hit !== null && holder !== null && (hit === holder || holder.contains(hit)) };
  });
const agent = demo('agent-run');
const markdown = demo('markdown-answer');

test('search finds items outside the DOM, counts them, and Enter / Shift+Enter step through them @phone', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  // As in a browser's find: typing makes the first match current, and Enter moves on to the next.
  await search(page).fill('x509');
  await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  const first = page.locator(`[data-item-id="${x509[0].id}"]`);
  await expect(first).toBeInViewport();
  await expect(first).toHaveClass(/item-highlight/);
  await search(page).press('Enter');
  await expect(page.getByTestId('match-count')).toHaveText(`2 of ${x509.length}`);
  await search(page).press('Enter');
  await expect(page.getByTestId('match-count')).toHaveText(`3 of ${x509.length}`);
  await expect(page.locator(`[data-item-id="${x509[2].id}"]`)).toBeInViewport();
  await search(page).press('Shift+Enter');
  await expect(page.getByTestId('match-count')).toHaveText(`2 of ${x509.length}`);
  await expect(page.locator(`[data-item-id="${x509[1].id}"]`)).toBeInViewport();
  // The search is in the URL, so the view can be shared.
  await expect(page).toHaveURL(/q=x509/);
  await search(page).press('Escape');
  await expect(search(page)).toHaveValue('');
});

/** Starts noting every text the match count shows, as the page changes; `shown()` reads them back. */
async function noteCounts(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenCounts: string[] }).seenCounts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="match-count"]')?.textContent ?? '';
      if (text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return { shown: () => page.evaluate(() => (window as unknown as { seenCounts: string[] }).seenCounts) };
}

test('a new answer shows its first match as current at once, never the bare count first', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  const counts = await noteCounts(page);
  await search(page).pressSequentially('x509');
  await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  expect(await counts.shown()).not.toContain(`${x509.length} matches`);
});

test('the marks stay while a key typed waits for its answer, rather than vanishing and coming back', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  await search(page).fill('x50');
  await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
  await expect.poll(() => markedText(page)).toContain('x50');
  // Counts each time the marks are taken away and none are put back in the same task (what the reader would see).
  await page.evaluate(() => {
    const state = window as unknown as { marksGone: number };
    state.marksGone = 0;
    const remove = CSS.highlights.delete.bind(CSS.highlights);
    CSS.highlights.delete = (name: string) => {
      if (name === 'transcript-match') queueMicrotask(() => void (CSS.highlights.has('transcript-match') || (state.marksGone += 1)));
      return remove(name);
    };
  });
  for (const key of '9 ') {
    await search(page).press(key);
    await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  }
  await search(page).press('Backspace');
  await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  await expect.poll(() => markedText(page)).toContain('x509');
  expect(await page.evaluate(() => (window as unknown as { marksGone: number }).marksGone)).toBe(0);
});

test('a scroll the reader makes right after stepping to a far match is theirs: the list does not pull them back', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  await search(page).fill('x509');
  await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  await scrollSettled(page);
  // To the last match, at the far end; and at once back to the top, as a drag of the scroll bar does (no wheel, no key).
  await search(page).press('Shift+Enter');
  await expect(page.getByTestId('match-count')).toHaveText(`${x509.length} of ${x509.length}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await scrollSettled(page);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(page.viewportSize()!.height);
});

test('a search cleared and typed again finds again from where the reader is, not from the match it had reached', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  await search(page).fill('x509');
  await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  await search(page).press('Enter');
  await search(page).press('Enter');
  await expect(page.getByTestId('match-count')).toHaveText(`3 of ${x509.length}`);
  await expect(page.locator(`[data-item-id="${x509[2].id}"]`)).toBeInViewport();
  await scrollSettled(page);
  await search(page).press('Escape');
  // Back to the top (once the step's scroll has come to rest).
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await scrollSettled(page);
      return page.evaluate(() => window.scrollY);
    })
    .toBe(0);
  await search(page).fill('x509');
  await expect(page.getByTestId('match-count')).toHaveText(`1 of ${x509.length}`);
  await expect(page.locator(`[data-item-id="${x509[0].id}"]`)).toBeInViewport();
});

test('on a phone the match steppers and the kind filter are targets a finger can hit @phone', async ({ page }) => {
  test.skip(!test.info().project.name.includes('phone'), 'phone layout');
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expectComplete(page, agent.items.length);
  await search(page).fill('shell');
  await expect(page.getByTestId('match-count')).not.toHaveText('No matches');
  await page.getByRole('button', { name: 'View ▾' }).tap();
  // The tap's click can come after the tap returns: the panel is measured once it is there.
  await expect(page.getByRole('group', { name: 'Show' })).toBeVisible();
  const targets = page.getByRole('group', { name: 'Show' }).getByRole('button').or(page.getByRole('button', { name: /^(Previous|Next) match$/ }));
  const sizes = await targets.evaluateAll((buttons) => buttons.map((button) => [button.textContent, button.getBoundingClientRect().width, button.getBoundingClientRect().height] as const));
  expect(sizes.length).toBeGreaterThanOrEqual(4);
  // 24 px at least each way, WCAG's minimum target size.
  expect(sizes.filter(([, width, height]) => width < 24 || height < 24)).toEqual([]);
});

test('the search box hints at its / shortcut only where there is a keyboard: not on a phone @phone', async ({ page }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expectComplete(page, agent.items.length);
  const phone = test.info().project.name.includes('phone');
  await expect(search(page)).toHaveAttribute('placeholder', phone ? 'Search the transcript…' : 'Search the transcript…  ( / )');
});

test('search reads past case and accents, as a browser’s find does, and marks what it matched', async ({ page }) => {
  const message = (id: string, role: string, text: string) => ({ id, type: 'message', status: 'completed', role, content: [{ type: role === 'user' ? 'input_text' : 'output_text', text }] });
  const lines = [
    message('msg_1', 'user', 'Where should we meet in Zürich?'),
    message('msg_2', 'assistant', 'Try CAFÉ Odeon on Limmatquai, or the one on the Bahnhofstraße.'),
    // The same word with its accent as a letter and a combining mark (e + U+0301), as some keyboards write it.
    message('msg_3', 'user', 'Cafe\u0301 Odeon it is.'),
    message('msg_4', 'assistant', 'See you there.'),
    message('msg_5', 'user', 'Copy that.'),
  ];
  await page.goto('/');
  await page.getByLabel('Or paste JSON').fill(lines.map((line) => JSON.stringify(line)).join('\n'));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page.locator('[data-item-id]')).toHaveCount(5);

  const marked = () => markedText(page);
  await search(page).fill('cafe odeon');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 2');
  await expect.poll(marked).toEqual(['CAFÉ Odeon', 'Cafe\u0301 Odeon']);
  await search(page).fill('strasse');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(marked).toEqual(['straße']);
  await search(page).fill('ZURICH');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(marked).toEqual(['Zürich']);
  // The page's own words are not what the search reads, and are not marked: a row's badge, its token label, its buttons.
  await search(page).fill('user');
  await expect(page.getByTestId('match-count')).toHaveText('No matches');
  await search(page).fill('tokens');
  await expect(page.getByTestId('match-count')).toHaveText('No matches');
  await expect.poll(marked).toEqual([]);
  // Found in a message, a word is marked there alone, not on every row's Copy button.
  await search(page).fill('copy');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(marked).toEqual(['Copy']);
});

test('a match across the highlighted tokens of a code block, or across Markdown’s marks, is found and marked, as a browser’s find does', async ({ page }) => {
  const answer = demo('markdown-answer');
  await page.goto(`/c/${answer.conversation.id}?source=demo&q=${encodeURIComponent("db.pragma('journal")}`);
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  const marked = () => markedText(page);
  await expect.poll(marked).toEqual(["db.pragma('journal"]);

  // Words as the page shows them, across the marks of Markdown's inline code and emphasis.
  await search(page).fill('with journal_mode=WAL readers');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(marked).toEqual(['with journal_mode=WAL readers']);
  await search(page).fill('short version: sqlite is enough');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(marked).toEqual(['Short version: SQLite is enough']);
  // A quote's lines are one paragraph on the page, without the `>` that starts each.
  await search(page).fill("note sqlite's");
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(async () => (await marked()).map((text) => text.replace(/\s+/g, ' '))).toEqual(["Note SQLite's"]);
});

test('in the compact view, a match inside a folded turn is counted and shown under the turn’s header', async ({ page }) => {
  const message = (id: string, role: string, text: string) => ({ id, type: 'message', status: 'completed', role, content: [{ type: role === 'user' ? 'input_text' : 'output_text', text }] });
  const lines = [0, 1, 2].flatMap((turn) => [message(`msg_q${turn}`, 'user', `Question ${turn}`), message(`msg_a${turn}`, 'assistant', `Answer ${turn} with word${turn}`)]);
  await page.goto('/');
  await page.getByLabel('Or paste JSON').fill(lines.map((line) => JSON.stringify(line)).join('\n'));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page.locator('[data-item-id]')).toHaveCount(6);
  await page.getByRole('button', { name: 'Compact' }).click();
  const turn2 = page.getByRole('button', { name: 'Turn 2' });
  await turn2.click();
  await expect(turn2).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[data-item-id="msg_a1"]')).toHaveCount(0);
  await search(page).fill('word1');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect(page.locator('[data-item-id="msg_a1"]')).toBeInViewport();
  await expect.poll(() => markedText(page)).toEqual(['word1']);
  // The turn stays folded: its other items stay out of the way.
  await expect(turn2).toHaveAttribute('aria-expanded', 'false');
  await search(page).press('Escape');
  await expect(page.locator('[data-item-id="msg_a1"]')).toHaveCount(0);
});

test('a search from a shared link is restored, and a filter too', async ({ page }) => {
  await page.goto(`${url}&q=ImagePullBackOff&hide=other`);
  await expect(search(page)).toHaveValue('ImagePullBackOff');
  await expect(page.getByTestId('match-count')).toHaveText(/6 matches|\d of 6/);
  // A hand-written value that would read as JSON is the text it says.
  await page.goto(`${url}&q=1e3`);
  await expect(search(page)).toHaveValue('1e3');
});

test('Ctrl+F focuses the transcript search; a second press is left to the browser', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  await page.keyboard.press('Control+f');
  await expect(search(page)).toBeFocused();
  const prevented = await page.evaluate(() => {
    const event = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true });
    document.activeElement!.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(false);
});

test('after a link to an item, j moves to the item after it and k to the one before', async ({ page }) => {
  const linked = long.items[40];
  await page.goto(`${url}#${linked.id}`);
  await expectComplete(page, long.items.length);
  await expect(page.locator(`[data-item-id="${linked.id}"]`)).toBeInViewport();
  const focusedItem = () => page.evaluate(() => document.activeElement?.querySelector('[data-item-id]')?.getAttribute('data-item-id'));
  await page.keyboard.press('j');
  await expect.poll(focusedItem).toBe(long.items[41].id);
  // Opened afresh, k goes the other way.
  await page.goto('about:blank');
  await page.goto(`${url}#${linked.id}`);
  await expect(page.locator(`[data-item-id="${linked.id}"]`)).toBeInViewport();
  await page.keyboard.press('k');
  await expect.poll(focusedItem).toBe(long.items[39].id);
});

test('j and k move between items, Enter collapses one, c copies its link, ? lists the shortcuts', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(url);
  await expectComplete(page, long.items.length);
  const focusedRow = () => page.evaluate(() => document.activeElement?.getAttribute('data-view-index'));

  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe('0');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe('2');
  await page.keyboard.press('k');
  await expect.poll(focusedRow).toBe('1');
  // The position names the item the keys moved to, not the one at the top of the screen.
  await expect(page.getByTestId('position')).toHaveText(`Item 2 of ${long.items.length}`);

  const second = page.locator(`[data-item-id="${long.items[1].id}"]`);
  await expect(second).toContainText('(#2)');
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('data-collapsed', '');
  // Collapsed to one line: the first words stay, the Markdown switch and the body go.
  await expect(second.getByRole('button', { name: 'Markdown' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(second).not.toHaveAttribute('data-collapsed');
  await expect(second.getByRole('button', { name: 'Markdown' })).toBeVisible();

  await page.keyboard.press('c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/c/${long.conversation.id}\\?source=demo#${long.items[1].id}$`));

  // Far down the list, focus follows j into rows that were not in the DOM before.
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe('31');
  await expect(page.locator(`[data-item-id="${long.items[31].id}"]`)).toBeInViewport();
  await expect(page.getByTestId('position')).toHaveText(`Item 32 of ${long.items.length}`);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  // The arrow keys along an item's actions are listed too.
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Move along an item’s actions');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // Typing in the search never triggers a shortcut.
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type('jk?c');
  await expect(search(page)).toHaveValue('jk?c');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  // Esc clears the search and gives the keys back to the transcript.
  await page.keyboard.press('Escape');
  await expect(search(page)).toHaveValue('');
  await expect(search(page)).not.toBeFocused();
  await page.keyboard.press('j');
  await expect(search(page)).toHaveValue('');
  await context.close();
});

test('j and k go on from where the reader scrolled to, and Home and End reach the first and last items', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  const focusedRow = () => page.evaluate(() => Number(document.activeElement?.getAttribute('data-view-index') ?? -1));
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe(1);
  // The reader scrolls far from the focused row (which the list keeps in the page): j goes on from the screen.
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, 15_000);
  await expect(page.locator(`[data-item-id="${long.items[1].id}"]`)).not.toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBeGreaterThan(20);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);

  // The list's own ends, not the page's (which stop short while rows far off are only estimated).
  // The focus goes with them, as with j and k: the keys after them act on the item the reader now sees.
  await page.keyboard.press('End');
  await expect(page.locator(`[data-item-id="${long.items.at(-1)!.id}"]`)).toBeInViewport();
  await expect(page.getByTestId('position')).toHaveText(`Item ${long.items.length} of ${long.items.length}`);
  await expect.poll(focusedRow).toBe(long.items.length - 1);
  await page.keyboard.press('k');
  await expect.poll(focusedRow).toBe(long.items.length - 2);
  await page.keyboard.press('Home');
  await expect(page.locator(`[data-item-id="${long.items[0].id}"]`)).toBeInViewport();
  await expect(page.getByTestId('position')).toHaveText(`Item 1 of ${long.items.length}`);
  await expect.poll(focusedRow).toBe(0);
});

test('with the focus on a control inside an item, j and k move from that item', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  const focusedRow = () => page.evaluate(() => Number(document.activeElement?.getAttribute('data-view-index') ?? -1));
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe(4);
  // Tab goes into the item's toolbar: the focus is on one of its buttons, still inside item 5.
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-view-index]')?.getAttribute('data-view-index'))).toBe('4');
  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe(5);
  await page.keyboard.press('Tab');
  await page.keyboard.press('k');
  await expect.poll(focusedRow).toBe(4);
});

test('a collapsed item stays collapsed after scrolling away and back', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  const first = page.locator(`[data-item-id="${long.items[0].id}"]`);
  await first.getByRole('button', { name: 'Collapse' }).click();
  await expect(first).toHaveAttribute('data-collapsed', '');
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(first).toHaveCount(0);
  await page.getByRole('button', { name: 'Go to the top' }).click();
  await expect(first).toHaveAttribute('data-collapsed', '');
  await expect(items(page).first()).toHaveAttribute('data-item-id', long.items[0].id);
});

test('a link to an item that holds a search opens at the item, its matches marked, even with no match after it', async ({ page }) => {
  const last = long.items.at(-1)!;
  expect(x509.some((item) => item.id === last.id)).toBe(false);
  await page.goto(`${url}&q=x509#${last.id}`);
  await expectComplete(page, long.items.length);
  await expect(search(page)).toHaveValue('x509');
  await expect(page.getByTestId('match-count')).toHaveText(/matches?$/);
  // The page holds still at the linked item: the search's first match does not take the reader back up.
  for (let frame = 0; frame < 10; frame += 1) await page.evaluate(() => new Promise(requestAnimationFrame));
  await expect(page.locator(`article[data-item-id="${last.id}"]`)).toBeInViewport();
  await expect(page.getByTestId('position')).toHaveText(new RegExp(`^Item 3[345]\\d of ${long.items.length}$`));
  // Stepping still goes to the matches.
  await search(page).press('Enter');
  await expect(page.locator(`article[data-item-id="${x509[0].id}"]`)).toBeInViewport();
});

test('a search too long for a link stays out of the URL, so the page still reloads', async ({ page }) => {
  await page.goto(url);
  await expectComplete(page, long.items.length);
  await search(page).fill('é'.repeat(3000));
  await expect(page.getByTestId('match-count')).toHaveText('No matches');
  await page.waitForTimeout(800);
  expect(page.url()).not.toContain('q=');
  await page.reload();
  await expectComplete(page, long.items.length);
  // A search of ordinary length still goes into the link.
  await search(page).fill('x509');
  await expect(page).toHaveURL(/q=x509/);
});

test('search reads a line break, a tab or several spaces as the one space the page shows, and marks the words across them', async ({ page }) => {
  const item = { id: 'msg_wrapped', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Line one\nline two\n\ntab\there and  double  space' }] };
  await page.goto('/');
  await page.getByLabel('Or paste JSON').fill(JSON.stringify(item));
  await page.getByRole('button', { name: 'Read pasted JSON' }).click();
  await expect(page.locator('[data-item-id="msg_wrapped"]')).toHaveCount(1);
  for (const query of ['line one line two', 'tab here', 'and double space']) {
    await search(page).fill(query);
    await expect(page.getByTestId('match-count')).toHaveText(/^1 (match|of 1)$/);
    await expect.poll(() => markedText(page).then((texts) => texts.map((text) => text.replace(/\s+/g, ' ').toLowerCase()))).toContain(query);
  }
});

/** Opens `run`, searches it for `query` (its one match), steps to it, and expects the reader to see it marked. */
async function expectOnlyMatchShown(page: import('@playwright/test').Page, run: ReturnType<typeof demo>, query: string) {
  await page.goto(`/c/${run.conversation.id}?source=demo`);
  await expectComplete(page, run.items.length);
  await search(page).fill(query);
  await search(page).press('Enter');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(() => currentMark(page)).toEqual({ text: query, shown: true });
}

test('a match far down a tall item is brought on screen, not only its item @phone', async ({ page }) => {
  await expectOnlyMatchShown(page, markdown, 'MVCC chapter');
  // And stays there once the page has settled.
  // (The marks are redrawn a frame after the rows change: read again until they are.)
  await scrollSettled(page);
  await expect.poll(() => currentMark(page)).toEqual({ text: 'MVCC chapter', shown: true });
});

test('a match inside a folded part of JSON opens that part, and shows marked', async ({ page }) => {
  await expectOnlyMatchShown(page, agent, 'pull_number');
});

test('a match deep in JSON wider than its box is scrolled into the box sideways, not left off to the right', async ({ page }) => {
  const hostile = demo('hostile-payloads');
  const deep = hostile.items.findIndex((item) => JSON.stringify(item).includes('"level\\":280'));
  expect(deep).toBeGreaterThan(-1);
  await page.goto(`/c/${hostile.conversation.id}?source=demo`);
  await expectComplete(page, hostile.items.length);
  // The first match is the deep tree's: its 280th level, thousands of pixels to the right in its box.
  await search(page).fill('280');
  await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
  // A 300-level tree takes a while to lay out on a busy machine, maybe longer than the page keeps a match in view
  // after a step: stepping away and back, as a reader would, brings it into view once it is laid out.
  let tries = 0;
  await expect(async () => {
    if (tries++ > 0) {
      await search(page).press('Enter');
      await search(page).press('Shift+Enter');
    }
    await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
    await expect.poll(() => currentMark(page), { timeout: 3_000 }).toEqual({ text: '280', shown: true });
  }).toPass({ timeout: 30_000 });
});

test('typing opens the folded tool row of the first match, as stepping to a match does', async ({ page }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expectComplete(page, agent.items.length);
  await search(page).fill('parsePort');
  await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
  const current = page.locator('article.item-highlight');
  await expect(current).toHaveAttribute('data-item-type', 'function_call');
  await expect(current).not.toHaveAttribute('data-collapsed');
  await expect.poll(() => currentMark(page)).toEqual({ text: 'parsePort', shown: true });
});

test('a JSON number is shown, summed up and searched as the call wrote it: an ID of 20 digits not rounded, 10.00 kept', async ({ page }) => {
  const run = [
    { id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Refund order 12345678901234567890.' }] },
    { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'refund', arguments: '{"order_id": 12345678901234567890, "amount": 10.00, "reason": "damaged"}', status: 'completed' },
    { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: '{"refund_id": 98765432109876543210, "status": "ok"}' },
  ];
  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles({ name: 'refund.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
  const call = page.locator('[data-item-id="fc_1"]');
  await expect(call).toContainText('order_id: 12345678901234567890, amount: 10.00');
  await search(page).fill('98765432109876543210');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(() => markedText(page)).toEqual(['98765432109876543210']);
  await search(page).fill('"amount": 10.00');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(() => markedText(page)).toEqual(['"amount": 10.00']);
  await expect(call).toContainText('"order_id": 12345678901234567890');
  await expect(page.locator('main')).not.toContainText('12345678901234567000');
});

test('a long string in a JSON box shows a step at a time, and a match near its end opens it that far, marked', async ({ page }) => {
  const code = Array.from({ length: 300 }, (_, n) => `export function step${n}(input: string): string { return input + ${n}; }`).join('\n');
  const run = [
    { id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Read src/steps.ts' }] },
    { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'read_file', arguments: '{"path": "src/steps.ts"}', status: 'completed' },
    { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: JSON.stringify({ path: 'src/steps.ts', content: `${code}\n// last line` }) },
  ];
  await page.goto('/');
  await page.getByLabel('Conversation file').setInputFiles({ name: 'read.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
  const call = page.locator('[data-item-id="fc_1"]');
  await call.getByRole('button', { name: /expand/i }).first().click();
  await expect(call).toContainText('"content":');
  await expect(call).not.toContainText('// last line');
  await expect(call.getByRole('button', { name: /^Show more \([\d,]+ characters\)$/ })).toBeVisible();
  await search(page).fill('// last line');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 1');
  await expect.poll(() => currentMark(page)).toEqual({ text: '// last line', shown: true });
  await expect(call.getByRole('button', { name: 'Show less' })).toBeVisible();
});

test('Esc from the search leaves the focus on the match it was on, and j goes on from there', async ({ page }) => {
  await page.goto(`/c/${agent.conversation.id}?source=demo`);
  await expectComplete(page, agent.items.length);
  await search(page).fill('PORT');
  await expect(page.getByTestId('match-count')).toHaveText(/^1 of \d+$/);
  await search(page).press('Enter');
  await search(page).press('Enter');
  await expect(page.getByTestId('match-count')).toHaveText(/^3 of \d+$/);
  const current = page.locator('article.item-highlight');
  await expect(current).toHaveCount(1);
  const matchId = await current.getAttribute('data-item-id');
  await scrollSettled(page);
  await search(page).press('Escape');
  await expect(search(page)).toHaveValue('');
  const focused = page.locator('[data-view-index]:focus');
  await expect(focused.locator(`article[data-item-id="${matchId}"]`)).toHaveCount(1);
  await expect(focused).toBeInViewport();
  const at = Number(await focused.getAttribute('data-view-index'));
  await page.keyboard.press('j');
  await expect(page.locator('[data-view-index]:focus')).toHaveAttribute('data-view-index', String(at + 1));
});
