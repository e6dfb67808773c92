import { expect, type Page } from '@playwright/test';

/** The item articles in the DOM: only those near the viewport, since the list is virtualised. */
export function items(page: Page) {
  return page.locator('[data-item-id]');
}

/** Waits until the whole conversation has loaded, by the count in the header. */
export async function expectComplete(page: Page, count: number, options: { timeout?: number } = {}) {
  await expect(page.getByTestId('item-count')).toHaveText(`${count.toLocaleString('en')} item${count === 1 ? '' : 's'}`, options);
}

/** Resolves once the page has held still for five frames in a row: whatever scrolled it (a jump, a wheel) is done. */
export function scrollSettled(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = Number.NaN;
        let still = 0;
        const look = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 5) resolve();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

export interface SeenItem {
  id: string;
  type: string;
}

/**
 * Scrolls the whole transcript from top to bottom and returns every item it rendered, in order. `visit` runs at
 * each screen, for tests that act on every item (open its raw JSON, say).
 */
export async function walkTranscript(page: Page, visit?: () => Promise<void>): Promise<SeenItem[]> {
  const seen = new Map<number, SeenItem>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 2000; step += 1) {
    await page.waitForTimeout(50);
    if (visit) await visit();
    const rows = await page.locator('li[data-row]').evaluateAll((elements) =>
      elements.map((element) => {
        const article = element.querySelector('[data-item-id]');
        return { row: Number(element.getAttribute('data-row')), id: article?.getAttribute('data-item-id') ?? '', type: article?.getAttribute('data-item-type') ?? '' };
      }),
    );
    for (const { row, id, type } of rows) if (id) seen.set(row, { id, type });
    const moved = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.7);
      return window.scrollY !== before;
    });
    if (!moved) break;
  }
  return [...seen.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

/** A Download menu format: a link to a file the server makes, or a button for one the page makes from what it holds. */
export function downloadChoice(page: Page, name?: RegExp) {
  const menu = page.getByRole('list', { name: 'Download formats' });
  return menu.getByRole('link', { name }).or(menu.getByRole('button', { name }));
}
