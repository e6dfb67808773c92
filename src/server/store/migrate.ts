import type { Driver } from './driver.ts';
import { MIGRATIONS } from './migrations.ts';

/** An arbitrary constant naming this schema's lock; every instance takes the same one. */
const MIGRATION_LOCK = 7_240_519_331;

/**
 * Brings the schema up to date. Instances starting together queue on a transaction-scoped advisory lock,
 * so each step runs exactly once per database; the later ones find it recorded and skip it.
 */
export async function migrate(driver: Driver, migrations = MIGRATIONS): Promise<number[]> {
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    const applied: number[] = [];
    for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(step.version)) continue;
      await tx.exec(step.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      applied.push(step.version);
    }
    return applied;
  });
}
