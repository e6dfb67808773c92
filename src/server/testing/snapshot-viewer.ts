import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessFromEnv } from '../http/access-control.ts';
import { createApiApp } from '../routes/api-routes.ts';
import { listen } from '../http/listen.ts';
import { createServerStack } from '../http/server-stack.ts';
import type { SnapshotConfig } from '../snapshots/snapshot-config.ts';
import type { Source } from '../sources/sources.ts';
import type { LazyStore } from '../store/open-store.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
export const AUTH = { authorization: `Basic ${Buffer.from(`me:${TEST_PASSWORD}`).toString('base64')}` };

/** A stand-in for the built app, so tests can tell the snapshot page from a refusal. */
async function fakeClientDir() {
  const dir = await mkdtemp(join(tmpdir(), 'viewer-client-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Conversation Viewer</title>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

/** The whole server (access control included, password on) with one source, on a free loopback port. */
export async function startSnapshotViewer(options: {
  upstream: { baseUrl: string; apiKey: string };
  store: LazyStore;
  config?: Partial<SnapshotConfig>;
  password?: boolean;
  /** Changes to the one source (its kind, its label), as a configuration changed since would. */
  source?: Partial<Pick<Source, 'label' | 'kind'>>;
}) {
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: options.upstream.baseUrl, apiKey: options.upstream.apiKey, ...options.source };
  const config: SnapshotConfig = { mode: 'public', location: { kind: 'pglite', directory: null }, maxItems: 100_000, maxBytes: 256 * 1024 * 1024, ratePerMinute: 0, ...options.config };
  const access = options.password === false ? null : accessFromEnv({ VIEWER_PASSWORD: TEST_PASSWORD });
  const api = createApiApp({ sources: [source], snapshots: { config, store: options.store }, access });
  const clientDir = await fakeClientDir();
  const server = createServerStack({ api, access, log: () => undefined, clientDir, publicSnapshots: config.mode === 'public' });
  const listening = await listen(server, '127.0.0.1', 0);
  return {
    url: listening.url,
    close: async () => {
      await listening.close();
      await rm(clientDir, { recursive: true, force: true });
    },
  };
}
