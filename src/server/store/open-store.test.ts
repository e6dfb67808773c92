import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
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

it('drops an expired snapshot’s content on its own once open, with no new snapshot made to set it off', async () => {
  const lazy = createLazyStore({ kind: 'pglite', directory: null }, { purgeEveryMs: 200 });
  const store = await lazy.get();
  const expiresAt = new Date(Date.now() + 300);
  await store.begin({ id: 'soon', title: null, origin: 'file', source: null, sourceLabel: null, sourceKind: null, conversationId: null, conversation: { id: 'conv_secret' }, expiresAt });
  await store.append('soon', [{ id: 'msg_1', json: '{"id":"msg_1","type":"message","content":"private"}', position: 0 }]);
  await store.finish('soon', { head: 1, tail: 0, excludedCount: 0, byteSize: 10 });
  expect(await store.items('soon', -1, 10)).toHaveLength(1);
  await expect.poll(() => store.items('soon', -1, 10), { timeout: 10_000, interval: 100 }).toEqual([]);
  expect(await store.get('soon')).toMatchObject({ status: 'expired' });
  await lazy.close();
}, 60_000);

it('closed while still opening, it leaves no purge running on the closed store', async () => {
  const lazy = createLazyStore({ kind: 'pglite', directory: null }, { purgeEveryMs: 100 });
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const getting = lazy.get().catch(() => null);
  await lazy.close();
  await getting;
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(errors).not.toHaveBeenCalled();
}, 60_000);
