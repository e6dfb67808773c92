import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { afterEach, expect, it } from 'vitest';
import { viewerServer } from './vite-plugin.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('reads .env as npm start does: a $ in a password is kept, and .env.local is not read', async () => {
  const root = mkdtempSync(join(tmpdir(), 'viewer-dev-env-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, '.env'), 'VIEWER_PASSWORD=pa$word1\nVIEWER_DEMO=off\nVIEWER_SNAPSHOTS=off\n');
  writeFileSync(join(root, '.env.local'), 'VIEWER_TOKEN=from-env-local\n');
  const server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [viewerServer()], server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
  cleanups.push(() => server.close());
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  const sources = (authorization: string) => fetch(`http://127.0.0.1:${address.port}/api/sources`, { headers: { authorization } });
  expect((await sources(`Basic ${Buffer.from('x:pa$word1').toString('base64')}`)).status).toBe(200);
  expect((await sources(`Basic ${Buffer.from('x:pa').toString('base64')}`)).status).toBe(401);
  expect((await sources('Bearer from-env-local')).status).toBe(401);
}, 30_000);
