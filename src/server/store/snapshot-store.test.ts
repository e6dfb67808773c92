import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from './driver.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { openPgliteDriver } from './pglite-driver.ts';
import { createSnapshotStore, type NewSnapshot, type SnapshotStore } from './snapshot-store.ts';

let driver: Driver;
let store: SnapshotStore;

beforeAll(async () => {
  driver = await openPgliteDriver(null);
  await migrate(driver);
  store = createSnapshotStore(driver);
}, 60_000);

afterAll(() => driver.close());

const base = (id: string, extra: Partial<NewSnapshot> = {}): NewSnapshot => ({
  id,
  title: `Title ${id}`,
  origin: 'source',
  source: 'demo',
  sourceLabel: 'Demo',
  sourceKind: 'demo',
  conversationId: 'conv_1',
  conversation: { id: 'conv_1', object: 'conversation', created_at: 1, metadata: { topic: 'x' } },
  expiresAt: null,
  ...extra,
});

async function create(id: string, items: number, extra: Partial<NewSnapshot> = {}) {
  await store.begin(base(id, extra));
  const stored = (index: number) => ({ id: `msg_${index}`, json: JSON.stringify({ id: `msg_${index}`, type: 'message', b: 1, a: 2 }) });
  // The first half as if read from the start, the second from the end (newest first, negative positions).
  const head = Math.ceil(items / 2);
  await store.append(id, Array.from({ length: head }, (_, index) => ({ ...stored(index), position: index })));
  await store.append(id, Array.from({ length: items - head }, (_, k) => ({ ...stored(items - 1 - k), position: -1 - k })));
  return store.finish(id, { head, tail: items - head, excludedCount: 2, byteSize: 10 });
}

describe('migrations', () => {
  it('run once: a second run finds every step recorded', async () => {
    expect(await migrate(driver)).toEqual([]);
    const rows = await driver.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((step) => step.version));
  });

  it('apply a later step on a database that has the earlier ones', async () => {
    const next = [...MIGRATIONS, { version: 999, name: 'extra', sql: 'CREATE TABLE extra_a (id int); CREATE TABLE extra_b (id int);' }];
    expect(await migrate(driver, next)).toEqual([999]);
    expect(await migrate(driver, next)).toEqual([]);
    await driver.exec('DROP TABLE extra_a; DROP TABLE extra_b; DELETE FROM schema_migrations WHERE version = 999;');
  });

  it('leave nothing behind when a step fails', async () => {
    const broken = [...MIGRATIONS, { version: 998, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }];
    await expect(migrate(driver, broken)).rejects.toThrow(/no_such_function/);
    expect(await driver.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'")).toEqual([]);
  });
});

describe('snapshot store', () => {
  it('creates a snapshot and reads it back with its items in order, JSON exactly as stored', async () => {
    const meta = await create('snap_a', 1203);
    expect(meta).toMatchObject({ id: 'snap_a', item_count: 1203, excluded_count: 2, origin: 'source', source: 'demo', expires_at: null });
    expect(await store.get('snap_a')).toMatchObject({ status: 'ok', snapshot: { conversation: base('snap_a').conversation } });
    const first = await store.items('snap_a', -1, 1000);
    const rest = await store.items('snap_a', first.at(-1)!.position, 1000);
    expect([...first, ...rest].map((item) => item.id)).toEqual(Array.from({ length: 1203 }, (_, index) => `msg_${index}`));
    expect(first[0].json).toBe('{"id":"msg_0","type":"message","b":1,"a":2}');
    expect(await store.positionOf('snap_a', 'msg_1100')).toBe(1100);
    expect(await store.positionOf('snap_a', 'msg_nope')).toBeNull();
  });

  it('keeps a snapshot invisible until it is finished', async () => {
    await store.begin(base('snap_half'));
    expect(await store.get('snap_half')).toEqual({ status: 'not_found' });
    expect((await store.list()).map((row) => row.id)).not.toContain('snap_half');
    await store.discard('snap_half');
  });

  it('lists snapshots newest first', async () => {
    await create('snap_b', 1);
    const ids = (await store.list()).map((row) => row.id);
    expect(ids.indexOf('snap_b')).toBeLessThan(ids.indexOf('snap_a'));
  });

  it('revokes: the snapshot answers revoked, its content is gone, and it leaves the list', async () => {
    await create('snap_r', 3);
    expect(await store.revoke('snap_r')).toBe(true);
    expect(await store.revoke('snap_r')).toBe(false);
    expect(await store.revoke('snap_unknown')).toBe(false);
    expect((await store.get('snap_r')).status).toBe('revoked');
    expect(await store.items('snap_r', -1, 10)).toEqual([]);
    const [row] = await driver.query("SELECT conversation, title, manifest, conversation_id FROM snapshots WHERE id = 'snap_r'");
    // Nothing of what it held is kept: not the title (often its first words), the manifest (its terms) or the conversation's ID.
    expect(row).toEqual({ conversation: 'null', title: null, manifest: null, conversation_id: null });
    expect((await store.list()).map((snapshot) => snapshot.id)).not.toContain('snap_r');
  });

  it('expires: past its expiry a snapshot answers expired, and purge drops its items', async () => {
    await create('snap_e', 4, { expiresAt: new Date(Date.now() - 1000) });
    await create('snap_f', 4, { expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await store.get('snap_e')).toMatchObject({ status: 'expired' });
    expect((await store.get('snap_f')).status).toBe('ok');
    await store.purge();
    expect(await store.items('snap_e', -1, 10)).toEqual([]);
    expect(await store.items('snap_f', -1, 10)).toHaveLength(4);
  });

  it('purges an expired snapshot\'s conversation object, title, manifest and conversation ID along with its items, as Revoke does', async () => {
    await create('snap_g', 2, { expiresAt: new Date(Date.now() - 1000) });
    await store.purge();
    const [row] = await driver.query("SELECT conversation, title, manifest, conversation_id FROM snapshots WHERE id = 'snap_g'");
    expect(row).toEqual({ conversation: 'null', title: null, manifest: null, conversation_id: null });
    expect(await store.get('snap_g')).toMatchObject({ status: 'expired' });
    const [kept] = await driver.query("SELECT conversation FROM snapshots WHERE id = 'snap_f'");
    expect(JSON.parse(kept.conversation as string)).toEqual(base('snap_f').conversation);
  });

  it('purges a half-written snapshot once it stops moving, not one still being written after an hour', async () => {
    const stored = (index: number) => ({ id: `msg_${index}`, json: '{}', position: index });
    await store.begin(base('snap_slow'));
    await store.begin(base('snap_left'));
    await driver.query("UPDATE snapshots SET created_at = now() - interval '2 hours' WHERE id IN ('snap_slow', 'snap_left')");
    // The slow one reads on: its next page marks it alive.
    await store.append('snap_slow', [stored(0)]);
    await store.purge();
    const left = await driver.query("SELECT id FROM snapshots WHERE id IN ('snap_slow', 'snap_left')");
    expect(left.map((row) => row.id)).toEqual(['snap_slow']);
    expect(await store.finish('snap_slow', { head: 1, tail: 0, excludedCount: 0, byteSize: 2 })).toMatchObject({ id: 'snap_slow', item_count: 1 });
    // One purged meanwhile says so when it is finished, instead of failing on a row that is not there.
    await expect(store.finish('snap_left', { head: 0, tail: 0, excludedCount: 0, byteSize: 0 })).rejects.toThrow('was purged as abandoned before it was finished');
  });

  it('answers not found for an unknown ID', async () => {
    expect(await store.get('nope')).toEqual({ status: 'not_found' });
  });
});
