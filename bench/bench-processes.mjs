// What the browser benchmarks start the same way: the built viewer on a free loopback port, and headless Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium } from 'playwright-core';
import chromiumArgs from '../scripts/chromium-args.json' with { type: 'json' };

/**
 * Starts the built viewer (`dist/server/main.js` under `root`) on 127.0.0.1 and a free port, in a new directory under
 * `parentDir`: no .env of the checkout changes what is measured, and each viewer's embedded store is its own. Its
 * environment is PATH and `env` only. `cleanups` gets its stop. Resolves its process and its URL.
 */
export async function startViewer({ root, parentDir, env, cleanups }) {
  const cwd = mkdtempSync(join(parentDir, 'viewer-'));
  const child = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill('SIGTERM'));
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Conversation Viewer: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the viewer exited (${code}) before it listened`)));
  });
  child.stdout.resume();
  return { child, url, cwd };
}

/**
 * The flags of `scripts/chromium-args.json` (see `e2e/chromium.ts`); `playwright` adds the features Playwright turns
 * off to the one `--disable-features`, as Chromium takes only the last one given and Playwright gives its own first.
 */
export const chromiumFlags = ({ playwright }) => [
  ...chromiumArgs.args,
  `--disable-features=${[...(playwright ? chromiumArgs.playwrightDisablesFeatures : []), ...chromiumArgs.disableFeatures].join(',')}`,
];

/** Debian's Chromium (or CHROMIUM_PATH), headless, without its background traffic; `cleanups` gets its close. */
export async function launchChromium({ cleanups, extraArgs = [] }) {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
  const browser = await chromium.launch({
    executablePath,
    args: [...chromiumFlags({ playwright: true }), ...extraArgs],
  });
  cleanups.push(() => browser.close());
  return browser;
}

/**
 * What a benchmark started, ended in reverse order by `stopAll`: when it finishes (`finish`), when it runs past
 * `minutes`, or when a step fails (the viewer server would otherwise outlive the run).
 */
export function benchLifetime(minutes) {
  const cleanups = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve().then(cleanup).catch(() => {});
  };
  const deadline = setTimeout(async () => {
    console.error(`bench: gave up after ${minutes} minutes`);
    await stopAll();
    process.exit(1);
  }, minutes * 60_000);
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.once(event, async (error) => {
      console.error(error);
      await stopAll();
      process.exit(1);
    });
  }
  const finish = async () => {
    clearTimeout(deadline);
    await stopAll();
  };
  return { cleanups, stopAll, finish };
}

/**
 * The generated agent run of `count` items (`scale-data.mjs`) behind the loopback upstream of `scale-upstream.mjs`, in
 * a worker thread. Resolves the worker (for its messages), the upstream's base URL, and the run's needle; `cleanups`
 * gets its end.
 */
export async function startScaleUpstream({ count, conversationId, cleanups }) {
  const worker = new Worker(new URL('./scale-upstream.mjs', import.meta.url), { workerData: { count, conversationId } });
  cleanups.push(() => worker.terminate());
  const ready = await new Promise((resolve) => {
    const listener = (message) => {
      if (message.type !== 'ready') return;
      worker.off('message', listener);
      resolve(message);
    };
    worker.on('message', listener);
  });
  return { worker, base: `http://127.0.0.1:${ready.port}/v1`, ready };
}

/** In the page: whether the run summary shows the whole run's token estimate (not one still counting). */
export function tokenEstimateShown() {
  const text = document.querySelector('[data-testid="summary-tokens"]')?.textContent ?? '';
  return /tokens$|tokens \(estimate\)/.test(text) && !/so far|counting/.test(text);
}
