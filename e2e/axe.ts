import axe from 'axe-core';
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/**
 * The serious and critical accessibility violations axe finds on the page (or only `within` these selectors, or only
 * for these `rules`), each as its rule and the first nodes it names.
 *
 * Axe's 560 kB source goes into each document once, not at every check: a walk through a long transcript checks each
 * scroll position, and loading the source twice per check (as `@axe-core/playwright` does) took half its time. Axe runs
 * whole in the page: the viewer has no iframes to check one by one.
 */
export async function seriousViolations(page: Page, within: string[] = [], rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) {
    await page.evaluate(axe.source);
    await page.evaluate(() => window.axe!.configure({ allowedOrigins: ['<same_origin>'] }));
  }
  const { error, violations } = await page.evaluate(
    async ({ selectors, ruleIds }) => {
      // Only violations are read: axe then skips gathering the details of every node that passed.
      const options: axe.RunOptions = { resultTypes: ['violations'], ...(ruleIds ? { runOnly: { type: 'rule', values: ruleIds } } : {}) };
      try {
        const result = await window.axe!.run(selectors.length > 0 ? { include: selectors } : document, options);
        return { error: null, violations: result.violations.map(({ id, impact, nodes }) => ({ id, impact, targets: nodes.map((node) => node.target.join(' ')) })) };
      } catch (caught) {
        return { error: String(caught), violations: [] };
      }
    },
    { selectors: within, ruleIds: rules },
  );
  if (error) throw new Error(`axe could not check the page: ${error}`);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.targets.slice(0, 5).join(' | ')}`);
}
