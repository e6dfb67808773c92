/**
 * The schema, as numbered steps. A database records the steps it has run in schema_migrations; a step is never
 * edited once released, only followed by a new one. Every step is plain SQL that PGlite and PostgreSQL both run.
 * Items and conversations are kept as the JSON text the viewer wrote, not as `json`: the database never parses
 * them, so nesting as deep as a hostile upstream sends cannot exhaust its parser.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'snapshots',
    sql: `
      CREATE TABLE snapshots (
        id text PRIMARY KEY,
        state text NOT NULL DEFAULT 'creating' CHECK (state IN ('creating', 'ready')),
        title text,
        origin text NOT NULL CHECK (origin IN ('source', 'file')),
        source text,
        source_label text,
        conversation_id text,
        conversation text NOT NULL,
        item_count integer NOT NULL DEFAULT 0,
        excluded_count integer NOT NULL DEFAULT 0,
        byte_size bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX snapshots_created_at ON snapshots (created_at DESC);
      CREATE TABLE snapshot_items (
        snapshot_id text NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        position integer NOT NULL,
        item_id text,
        item text NOT NULL,
        PRIMARY KEY (snapshot_id, position)
      );
      CREATE INDEX snapshot_items_item_id ON snapshot_items (snapshot_id, item_id);
    `,
  },
  {
    version: 2,
    name: 'snapshot manifest',
    sql: `ALTER TABLE snapshots ADD COLUMN manifest text;`,
  },
  {
    // The kind of the source (openai, azure, dashscope…) as it was when the snapshot was taken: its exports name the
    // provider from it, whatever the source of that ID has become since.
    version: 3,
    name: 'snapshot source kind',
    sql: `ALTER TABLE snapshots ADD COLUMN source_kind text;`,
  },
];
