import type { Driver } from './driver.ts';
import { migrate } from './migrate.ts';
import { createSnapshotStore, type SnapshotStore } from './snapshot-store.ts';

export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; directory: string | null };

async function openDriver(location: StoreLocation): Promise<Driver> {
  // Each driver is imported only when chosen: a viewer on PostgreSQL never loads the WebAssembly build.
  if (location.kind === 'postgres') return (await import('./postgres-driver.ts')).openPostgresDriver(location.url);
  return (await import('./pglite-driver.ts')).openPgliteDriver(location.directory);
}

/** How often an open store drops what expired: a snapshot's content is gone from the store soon after its expiry. */
export const PURGE_EVERY_MS = 10 * 60_000;

/**
 * The store, opened and migrated on first use: a viewer that never stores anything never starts a database.
 * A failed open is not remembered, so the next request tries again. Once open, it drops expired snapshots' content at
 * once and then every `purgeEveryMs`, so nothing of them stays at rest waiting for the next snapshot to be made.
 */
export function createLazyStore(location: StoreLocation, { purgeEveryMs = PURGE_EVERY_MS } = {}) {
  type Opened = { driver: Driver; store: SnapshotStore; timer: ReturnType<typeof setInterval> };
  let opening: Promise<Opened> | null = null;
  /** The purge under way: one at a time, and closing waits for it. */
  let purging: Promise<void> | null = null;
  const purge = (store: SnapshotStore) => {
    purging ??= store
      .purge()
      .catch((error: unknown) => {
        console.error(JSON.stringify({ level: 'error', message: `snapshot store: purging expired snapshots failed: ${error instanceof Error ? error.message : String(error)}` }));
      })
      .finally(() => (purging = null));
    return purging;
  };
  const open = async (): Promise<Opened> => {
    const driver = await openDriver(location);
    try {
      await migrate(driver);
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    const store = createSnapshotStore(driver);
    // What expired while the viewer was down goes before the first request is answered: on the embedded store, which
    // runs one query at a time, a purge in the background would hold up that request's queries all the same.
    await purge(store);
    const timer = setInterval(() => void purge(store), purgeEveryMs);
    // The timer alone does not keep the process up.
    timer.unref?.();
    return { driver, store, timer };
  };
  return {
    async get(): Promise<SnapshotStore> {
      opening ??= open().catch((error: unknown) => {
        opening = null;
        throw error;
      });
      return (await opening).store;
    },
    get opened() {
      return opening !== null;
    },
    async close(): Promise<void> {
      const current = opening;
      opening = null;
      // Closed while still opening: its timer is stopped once it has one.
      const opened = current ? await current.catch(() => null) : null;
      if (opened) clearInterval(opened.timer);
      await purging;
      await opened?.driver.close();
    },
  };
}

export type LazyStore = ReturnType<typeof createLazyStore>;
