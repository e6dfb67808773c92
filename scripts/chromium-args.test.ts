import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../e2e/chromium.ts';
import chromiumArgs from './chromium-args.json' with { type: 'json' };

/** The features the installed Playwright turns off when it starts Chromium, read from its own code. */
function playwrightDisabledFeatures(): string[] {
  const core = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const source = readFileSync(join(core, 'lib', 'coreBundle.js'), 'utf8');
  const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(source);
  if (!list) throw new Error("Playwright's list of disabled features was not found in playwright-core: read it from its chromiumSwitches");
  return [...list[1].matchAll(/^\s*"([A-Za-z0-9]+)"/gm)].map((match) => match[1]);
}

describe('the Chromium the tests and benchmarks start', () => {
  it('keeps the features Playwright turns off turned off: Chromium takes only the last --disable-features, which is ours', () => {
    expect([...chromiumArgs.playwrightDisablesFeatures].sort()).toEqual(playwrightDisabledFeatures().sort());
    const disabling = CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    expect(disabling).toHaveLength(1);
    const features = disabling[0].slice('--disable-features='.length).split(',');
    expect(features).toEqual(expect.arrayContaining([...chromiumArgs.playwrightDisablesFeatures, 'WebUIOmniboxPopup', 'WebUIReloadButton']));
  });
});
