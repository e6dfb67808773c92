import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createLazyStore } from './open-store.ts';

it('opens the embedded store only on first use, and reopens its files with what was stored', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'viewer-store-')), 'data');
  const first = createLazyStore({ kind: 'pglite', directory: dir });
  expect(first.opened).toBe(false);
  await expect(readdir(dir)).rejects.toThrow(/ENOENT/);

  const store = await first.get();
  expect(first.opened).toBe(true);
  await store.begin({ id: 'kept', title: null, origin: 'file', source: null, sourceLabel: null, sourceKind: null, conversationId: null, conversation: {}, expiresAt: null });
  await store.finish('kept', { head: 0, tail: 0, excludedCount: 0, byteSize: 0 });
  await first.close();

  const second = createLazyStore({ kind: 'pglite', directory: dir });
  expect((await (await second.get()).get('kept')).status).toBe('ok');
  await second.close();
  await rm(join(dir, '..'), { recursive: true, force: true });
}, 60_000);

it('forgets a failed open, so the next use tries again', async () => {
  const store = createLazyStore({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
  await expect(store.get()).rejects.toThrow(/ECONNREFUSED|connect/);
  expect(store.opened).toBe(false);
  await store.close();
});
