import { z } from 'zod';
import type { StoreLocation } from '../store/open-store.ts';
import { choice, parseEnv, setting, wholeNumber, type Env } from '../env-setting.ts';
import { ConfigError } from '../sources/sources-file.ts';

/**
 * A PostgreSQL URL with a host and, if any, a numeric port; checked at start, where a wrong one would first show as
 * every snapshot request failing. The messages never repeat the URL, which may hold a password.
 */
const databaseUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//i, 'expected a postgres:// or postgresql:// URL')
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'expected a URL such as postgres://user:password@host:5432/database (a password with @, : or / in it is percent-encoded)' });
      return;
    }
    if (!url.hostname) context.addIssue({ code: 'custom', message: 'expected a host, as in postgres://user:password@host:5432/database' });
  });

const schema = z.object({
  VIEWER_SNAPSHOTS: setting(choice(['public', 'private', 'off']).default('public')),
  VIEWER_DATA_DIR: setting(z.string().trim().default('./data')),
  DATABASE_URL: setting(databaseUrl.optional()),
  SNAPSHOT_MAX_ITEMS: setting(wholeNumber(1).default(100_000)),
  SNAPSHOT_MAX_BYTES: setting(wholeNumber(1).default(256 * 1024 * 1024)),
  SNAPSHOT_RATE_LIMIT: setting(wholeNumber(0).default(10)),
});

/** The variables the snapshot settings read. */
export const SNAPSHOT_SETTINGS = Object.keys(schema.shape);

export interface SnapshotConfig {
  mode: 'public' | 'private' | 'off';
  location: StoreLocation;
  maxItems: number;
  maxBytes: number;
  /** Snapshots one client may create per minute; 0 turns the limit off. */
  ratePerMinute: number;
}

/** The snapshot settings, read once at start. Bad values stop the server with a line for each, naming the variable. */
export function snapshotConfigFromEnv(env: Env): SnapshotConfig {
  const values = parseEnv(schema, env);
  // The snapshots go to that server: a data directory beside it would be ignored, and they would not be where it says.
  if (values.DATABASE_URL && (env.VIEWER_DATA_DIR?.trim() ?? '') !== '') {
    throw new ConfigError('VIEWER_DATA_DIR and DATABASE_URL cannot both be set: with DATABASE_URL, snapshots are stored in that PostgreSQL server and VIEWER_DATA_DIR would be ignored. Keep one.');
  }
  return {
    mode: values.VIEWER_SNAPSHOTS,
    location: values.DATABASE_URL ? { kind: 'postgres', url: values.DATABASE_URL } : { kind: 'pglite', directory: values.VIEWER_DATA_DIR },
    maxItems: values.SNAPSHOT_MAX_ITEMS,
    maxBytes: values.SNAPSHOT_MAX_BYTES,
    ratePerMinute: values.SNAPSHOT_RATE_LIMIT,
  };
}
