/** What the store needs from a database: the same SQL runs on PGlite and on a PostgreSQL server. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters, such as a migration step. */
  exec(sql: string): Promise<void>;
}

export interface Driver extends Queryable {
  /** Runs `work` in one transaction on one session: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
