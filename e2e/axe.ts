import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The serious and critical accessibility violations axe finds on the page (or only `within` these selectors, or only
 * for these `rules`), each as its rule and the first nodes it names.
 */
export async function seriousViolations(page: Page, within: string[] = [], rules?: string[]): Promise<string[]> {
  // Axe runs whole in the page: the viewer has no iframes, so its default (each frame's part, then a finishing run in
  // a blank page of its own) would only cost time, four times as much on a long transcript.
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  for (const selector of within) builder.include(selector);
  if (rules) builder.withRules(rules);
  // Only violations are read: axe then skips gathering the details of every node that passed.
  builder.options({ resultTypes: ['violations'] });
  const result = await builder.analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`);
}
