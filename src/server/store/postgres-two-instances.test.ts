import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateItems, startGeneratedUpstream } from '../testing/generated-upstream.ts';
import { findPostgresBin, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { AUTH, startSnapshotViewer } from '../testing/snapshot-viewer.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { createLazyStore } from './open-store.ts';
import { openPostgresDriver } from './postgres-driver.ts';

const bin = findPostgresBin();
const SKIPPED = 'skipped: no PostgreSQL server binaries (initdb, pg_ctl); run scripts/ensure-postgres.sh as root or set PG_BIN';
if (!bin) console.log(`Two viewers on one PostgreSQL: ${SKIPPED}.`);

describe.skipIf(!bin)(`two viewers on one real PostgreSQL server${bin ? '' : ` (${SKIPPED})`}`, () => {
  let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
  let upstream: Awaited<ReturnType<typeof startGeneratedUpstream>>;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster(bin!);
    upstream = await startGeneratedUpstream(230);
  }, 120_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await upstream?.close();
    await cluster?.stop();
  }, 60_000);

  it('runs each migration exactly once when several instances start together', async () => {
    const drivers = Array.from({ length: 4 }, () => openPostgresDriver(cluster.url));
    const applied = await Promise.all(drivers.map((driver) => migrate(driver)));
    expect(applied.filter((versions) => versions.length > 0)).toEqual([MIGRATIONS.map((step) => step.version)]);
    const rows = await drivers[0].query<{ count: string }>('SELECT count(*) AS count FROM schema_migrations');
    expect(Number(rows[0].count)).toBe(MIGRATIONS.length);
    await Promise.all(drivers.map((driver) => driver.close()));
  });

  it('agrees on everything stored: created on one, read, listed, exported and revoked through the other', async () => {
    const [a, b] = await Promise.all(
      [0, 1].map(async () => {
        const store = createLazyStore({ kind: 'postgres', url: cluster.url });
        const viewer = await startSnapshotViewer({ upstream, store, config: { location: { kind: 'postgres', url: cluster.url } } });
        closers.push(store.close, viewer.close);
        return viewer.url;
      }),
    );
    const created = await fetch(`${a}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'openai', conversation_id: upstream.conversationId, title: 'Shared', exclude: { roles: ['system'] } }),
    });
    expect(created.status).toBe(201);
    const snapshot = await created.json();

    const read = await (await fetch(`${b}/api/snapshots/${snapshot.id}`)).json();
    expect(read).toMatchObject({ id: snapshot.id, title: 'Shared', item_count: 229, excluded_count: 1 });
    const items = await (await fetch(`${b}/api/snapshots/${snapshot.id}/items?limit=1000`)).json();
    expect(items.data.map((item: { id: string }) => item.id)).toEqual(generateItems(230).slice(1).map((item) => item.id));
    const list = await (await fetch(`${b}/api/snapshots`, { headers: AUTH })).json();
    expect(list.data.map((row: { id: string }) => row.id)).toContain(snapshot.id);
    const exported = await (await fetch(`${b}/api/snapshots/${snapshot.id}/export?format=json`)).json();
    expect(exported.items).toHaveLength(229);

    expect((await fetch(`${b}/api/snapshots/${snapshot.id}`, { method: 'DELETE', headers: AUTH })).status).toBe(200);
    const gone = await fetch(`${a}/api/snapshots/${snapshot.id}`);
    expect([gone.status, (await gone.json()).error.code]).toEqual([410, 'snapshot_revoked']);
  });
});
