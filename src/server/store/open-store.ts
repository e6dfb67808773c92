import type { Driver } from './driver.ts';
import { migrate } from './migrate.ts';
import { createSnapshotStore, type SnapshotStore } from './snapshot-store.ts';

export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; directory: string | null };

async function openDriver(location: StoreLocation): Promise<Driver> {
  // Each driver is imported only when chosen: a viewer on PostgreSQL never loads the WebAssembly build.
  if (location.kind === 'postgres') return (await import('./postgres-driver.ts')).openPostgresDriver(location.url);
  return (await import('./pglite-driver.ts')).openPgliteDriver(location.directory);
}

/**
 * The store, opened and migrated on first use: a viewer that never stores anything never starts a database.
 * A failed open is not remembered, so the next request tries again.
 */
export function createLazyStore(location: StoreLocation) {
  let opening: Promise<{ driver: Driver; store: SnapshotStore }> | null = null;
  const open = async () => {
    const driver = await openDriver(location);
    try {
      await migrate(driver);
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return { driver, store: createSnapshotStore(driver) };
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
      if (current) await (await current.catch(() => null))?.driver.close();
    },
  };
}

export type LazyStore = ReturnType<typeof createLazyStore>;
