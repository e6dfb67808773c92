import { createApiApp, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type RemoteImages } from './app.ts';
import { accessFromEnv } from './access-control.ts';
import { demoExamples } from './demo/conversations.ts';
import { startDemoUpstream } from './demo/start-demo-upstream.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES_IN_FLIGHT } from './proxy.ts';
import { snapshotConfigFromEnv, type SnapshotConfig } from './snapshots/snapshot-config.ts';
import { ConfigError } from './sources-file.ts';
import { DataDirInUse, lockDataDir } from './store/data-dir-lock.ts';
import { createLazyStore } from './store/open-store.ts';
import { isDemoEnabled, sourcesFromEnv, type Env } from './sources.ts';

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw?.trim() && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Node's timers hold at most 2^31 - 1 ms; a larger timeout would fire at once. */
const MAX_TIMEOUT_SECONDS = 2_147_483;

function remoteImagesFrom(raw: string | undefined): RemoteImages {
  const value = raw?.trim().toLowerCase() || 'load';
  if (value === 'load' || value === 'ask') return value;
  throw new ConfigError(`VIEWER_REMOTE_IMAGES must be 'load' or 'ask', not '${value.slice(0, 20)}'.`);
}

/** PGlite serves one process: a second viewer on the same VIEWER_DATA_DIR stops at start instead of losing snapshots. */
function lockStore(config: SnapshotConfig): () => void {
  if (config.mode === 'off' || config.location.kind !== 'pglite' || !config.location.directory) return () => undefined;
  try {
    return lockDataDir(config.location.directory);
  } catch (error) {
    if (error instanceof DataDirInUse) throw new ConfigError(error.message);
    throw error;
  }
}

/** Builds the API app from the environment, starting the demo upstream when it is enabled. */
export async function createViewer(env: Env) {
  // The set-up is checked before the demo upstream starts, so a mistake leaves nothing running.
  sourcesFromEnv(env, null);
  const remoteImages = remoteImagesFrom(env.VIEWER_REMOTE_IMAGES);
  const snapshotConfig = snapshotConfigFromEnv(env);
  const releaseDataDir = lockStore(snapshotConfig);
  const store = createLazyStore(snapshotConfig.location);
  const demo = isDemoEnabled(env) ? await startDemoUpstream().catch((error: unknown) => (releaseDataDir(), Promise.reject(error))) : null;
  const sources = sourcesFromEnv(env, demo);
  const access = accessFromEnv(env);
  const app = createApiApp({
    sources,
    access,
    demoExamples,
    timeoutMs: Math.min(positiveNumber(env.UPSTREAM_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_MS / 1000), MAX_TIMEOUT_SECONDS) * 1000,
    maxBytes: Math.floor(positiveNumber(env.UPSTREAM_MAX_BYTES, DEFAULT_MAX_BYTES)),
    concurrency: Math.floor(positiveNumber(env.UPSTREAM_CONCURRENCY, DEFAULT_CONCURRENCY)),
    remoteImages,
    maxBytesInFlight: Math.floor(positiveNumber(env.UPSTREAM_MAX_BYTES_IN_FLIGHT, DEFAULT_MAX_BYTES_IN_FLIGHT)),
    snapshots: { config: snapshotConfig, store },
  });
  return {
    app,
    sources,
    access,
    publicSnapshots: snapshotConfig.mode === 'public',
    close: async () => {
      await demo?.close();
      await store.close();
      releaseDataDir();
    },
  };
}
