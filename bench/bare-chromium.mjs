// Chromium driven over its DevTools protocol directly, as a reader's browser runs: Playwright turns on the protocol's
// Network domain for every page, and with it Chromium keeps a copy of each response body for DevTools (the 19.4 MB
// item stream is copied and decoded on the page's thread as it ends) and reports every request. Here only the Page
// domain is on, to run the benchmark's instrument before the page's scripts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags } from './bench-processes.mjs';

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts headless Chromium (the same binary and flags as `launchChromium`) with a DevTools port of its own; null when
 * this Node has no WebSocket (Node 20 without --experimental-websocket). `cleanups` gets its end.
 */
export async function launchBareChromium({ cleanups, extraArgs = [] }) {
  if (typeof WebSocket === 'undefined') return null;
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
  if (!executablePath) return null;
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    executablePath,
    ['--headless=new', ...chromiumFlags({ playwright: false }), '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...extraArgs, 'about:blank'],
    { stdio: 'ignore' },
  );
  cleanups.push(() => {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  });
  // Chromium writes the port it chose, then the browser's path, to DevToolsActivePort.
  const portFile = join(profile, 'DevToolsActivePort');
  for (let tries = 0; tries < 150 && !existsSync(portFile); tries += 1) await wait(100);
  if (!existsSync(portFile)) throw new Error('Chromium did not open its DevTools port within 15 s');
  const [port, path] = readFileSync(portFile, 'utf8').trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('could not reach Chromium over its DevTools protocol')), { once: true });
  });
  cleanups.push(() => socket.close());
  let lastId = 0;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    const answer = message.id === undefined ? undefined : waiting.get(message.id);
    if (!answer) return;
    waiting.delete(message.id);
    if (message.error) answer.reject(new Error(`${answer.method}: ${message.error.message}`));
    else answer.resolve(message.result);
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      lastId += 1;
      waiting.set(lastId, { resolve, reject, method });
      socket.send(JSON.stringify({ id: lastId, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  /** A page in a fresh browser context (no cache, no storage) running `script` before its own scripts. */
  async function newPage({ width = 1280, height = 900, script }) {
    const { browserContextId } = await send('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    await send('Page.enable', {}, sessionId);
    if (script) await send('Page.addScriptToEvaluateOnNewDocument', { source: script }, sessionId);
    return {
      goto: (url) => send('Page.navigate', { url }, sessionId),
      /** The value of an expression in the page (a promise is awaited). */
      evaluate: async (expression) => {
        const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
        if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value;
      },
      /** Polls `expression` every `every` ms until it is true, for at most `timeout` ms. */
      async waitFor(expression, { timeout = 240_000, every = 100 } = {}) {
        const until = Date.now() + timeout;
        while (!(await this.evaluate(expression))) {
          if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
          await wait(every);
        }
      },
      close: async () => {
        await send('Target.closeTarget', { targetId }).catch(() => {});
        await send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
      },
    };
  }
  return { newPage };
}
