import { z } from 'zod';
import type { StoreLocation } from '../store/open-store.ts';
import { ConfigError } from '../sources/sources-file.ts';
import type { Env } from '../sources/sources.ts';

// An empty variable (`FOO=` in .env) means unset, as everywhere else in the viewer's settings.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const setting = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

const schema = z.object({
  VIEWER_SNAPSHOTS: setting(z.enum(['public', 'private', 'off']).default('public')),
  VIEWER_DATA_DIR: setting(z.string().trim().default('./data')),
  DATABASE_URL: setting(z.string().trim().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL').optional()),
  SNAPSHOT_MAX_ITEMS: setting(z.coerce.number().int().positive().default(100_000)),
  SNAPSHOT_MAX_BYTES: setting(z.coerce.number().int().positive().default(256 * 1024 * 1024)),
  SNAPSHOT_RATE_LIMIT: setting(z.coerce.number().int().min(0).default(10)),
});

export interface SnapshotConfig {
  mode: 'public' | 'private' | 'off';
  location: StoreLocation;
  maxItems: number;
  maxBytes: number;
  /** Snapshots one client may create per minute; 0 turns the limit off. */
  ratePerMinute: number;
}

/** The snapshot settings, read once at start. A bad value stops the server with a message naming the variable. */
export function snapshotConfigFromEnv(env: Env): SnapshotConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${String(issue.path[0])} is not valid: ${issue.message}.`);
  }
  const values = parsed.data;
  return {
    mode: values.VIEWER_SNAPSHOTS,
    location: values.DATABASE_URL ? { kind: 'postgres', url: values.DATABASE_URL } : { kind: 'pglite', directory: values.VIEWER_DATA_DIR },
    maxItems: values.SNAPSHOT_MAX_ITEMS,
    maxBytes: values.SNAPSHOT_MAX_BYTES,
    ratePerMinute: values.SNAPSHOT_RATE_LIMIT,
  };
}
