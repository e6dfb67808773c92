import { Pool, type PoolClient } from 'pg';
import type { Driver, Queryable } from './driver.ts';

/** A PostgreSQL server, shared by every viewer instance that has the same DATABASE_URL. */
export function openPostgresDriver(connectionString: string): Driver {
  const pool = new Pool({ connectionString, max: 5 });
  // An idle client that loses its connection must not bring the viewer down; the next query reconnects.
  pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', message: `database: ${error.message}` })));
  const wrap = (target: Pool | PoolClient): Queryable => ({
    query: async <Row,>(sql: string, params: readonly unknown[] = []) => (await target.query(sql, [...params])).rows as Row[],
    exec: async (sql) => {
      await target.query(sql);
    },
  });
  return {
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
