import './json-source-access.ts';
import { createApiApp } from './routes/api-routes.ts';
import type { ViewerConfig } from './config.ts';
import { demoExamples } from './demo/conversations.ts';
import { startDemoUpstream } from './demo/start-demo-upstream.ts';
import type { SnapshotConfig } from './snapshots/snapshot-config.ts';
import { ConfigError } from './sources/sources-file.ts';
import { DataDirInUse, lockDataDir } from './store/data-dir-lock.ts';
import { createLazyStore } from './store/open-store.ts';

/** PGlite serves one process: a second viewer on the same VIEWER_DATA_DIR stops at start instead of losing snapshots. */
function lockStore(config: SnapshotConfig): () => void {
  if (config.mode === 'off' || config.location.kind !== 'pglite' || !config.location.directory) return () => undefined;
  try {
    return lockDataDir(config.location.directory);
  } catch (error) {
    if (error instanceof DataDirInUse) throw new ConfigError(error.message);
    // A file where the directory should be, a read-only disk, no rights: said as a setting's mistake, not a stack.
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new ConfigError(`VIEWER_DATA_DIR (${config.location.directory}) cannot be used as the snapshot store's directory (${code}).`, { cause: error });
    throw error;
  }
}

/** Builds the API app from the checked configuration, starting the demo upstream when it is enabled. */
export async function createViewer(config: ViewerConfig) {
  const releaseDataDir = lockStore(config.snapshots);
  const store = createLazyStore(config.snapshots.location);
  const demo = config.demo ? await startDemoUpstream().catch((error: unknown) => (releaseDataDir(), Promise.reject(error))) : null;
  const sources = config.sources(demo);
  const app = createApiApp({
    sources,
    access: config.access,
    demoExamples,
    ...config.upstream,
    remoteImages: config.remoteImages,
    snapshots: { config: config.snapshots, store },
  });
  return {
    app,
    sources,
    access: config.access,
    publicSnapshots: config.snapshots.mode === 'public',
    compression: config.compression,
    close: async () => {
      await demo?.close();
      await store.close();
      releaseDataDir();
    },
  };
}
