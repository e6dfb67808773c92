import { existsSync } from 'node:fs';
import chromiumArgs from '../scripts/chromium-args.json' with { type: 'json' };

/** The system Chromium: Playwright's own browser download is not reachable from every machine. */
export function chromiumExecutable(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (candidate): candidate is string => !!candidate && existsSync(candidate),
  );
}

/**
 * Headless, quiet, and without the browser's own pages: from Chromium 156 each new window loads its address bar's
 * suggestion popup and reload button as web pages of their own (about 1.6 s of CPU per window, in a renderer beside the
 * page under test). A reader's browser opens them once per window, not per page; the tests and benchmarks open a
 * window for each page, so they turn them off. Chromium takes only the last `--disable-features`, and Playwright puts
 * its own first: the one given here also names the features Playwright turns off (`playwrightDisablesFeatures`, checked
 * against Playwright's own list by `chromium-args.test.ts`). `bench/` reads the same file.
 */
export const CHROMIUM_ARGS: string[] = [...chromiumArgs.args, `--disable-features=${[...chromiumArgs.playwrightDisablesFeatures, ...chromiumArgs.disableFeatures].join(',')}`];
