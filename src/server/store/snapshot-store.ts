import { stringifyJson } from '../../lib/stringify-deep.ts';
import { SOURCE_KINDS, type SourceKind } from '../../shared/contract/shapes.ts';
import type { SnapshotMeta } from '../../shared/snapshots/snapshot-meta.ts';
import type { ShareManifest } from '../../shared/snapshots/share-filter.ts';
import type { Driver } from './driver.ts';

export type { SnapshotMeta };

export interface Snapshot extends SnapshotMeta {
  conversation: Record<string, unknown>;
}

export type SnapshotLookup =
  | { status: 'ok'; snapshot: Snapshot }
  | { status: 'not_found' }
  | { status: 'revoked'; revoked_at: string }
  | { status: 'expired'; expires_at: string };

export interface NewSnapshot {
  id: string;
  title: string | null;
  origin: 'source' | 'file';
  source: string | null;
  sourceLabel: string | null;
  sourceKind: SourceKind | null;
  conversationId: string | null;
  conversation: Record<string, unknown>;
  expiresAt: Date | null;
}

/** A stored item: its ID (some item types have none) and its JSON text exactly as it was stored. */
export interface StoredItem {
  id: string | null;
  json: string;
}

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

const META_COLUMNS = `id, title, origin, source, source_label, source_kind, conversation_id, item_count, excluded_count, created_at, expires_at, manifest`;

function toMeta(row: Record<string, unknown>): SnapshotMeta {
  return {
    id: row.id as string,
    title: (row.title as string | null) ?? null,
    origin: row.origin as 'source' | 'file',
    source: (row.source as string | null) ?? null,
    source_label: (row.source_label as string | null) ?? null,
    source_kind: SOURCE_KINDS.find((kind) => kind === row.source_kind) ?? null,
    conversation_id: (row.conversation_id as string | null) ?? null,
    item_count: Number(row.item_count),
    excluded_count: Number(row.excluded_count),
    created_at: iso(row.created_at) as string,
    expires_at: iso(row.expires_at),
    manifest: typeof row.manifest === 'string' ? (JSON.parse(row.manifest) as ShareManifest) : null,
  };
}

/** Half-written snapshots that have not moved for this long were left by a crash or a lost connection. */
const ABANDONED_AFTER = '1 hour';
/** How often a snapshot being written marks itself alive. */
const TOUCH_EVERY_MS = 60_000;
const INSERT_BATCH = 500;

/**
 * Snapshots and their items. A snapshot is written in three steps (begin, append items, finish) without one long
 * transaction, so creating a big one never blocks readers; until `finish` it is invisible to every read.
 */
export function createSnapshotStore(db: Driver) {
  /** When each snapshot being written was last marked alive: a purge removes only those that stopped moving. */
  const touched = new Map<string, number>();
  return {
    async begin(snapshot: NewSnapshot): Promise<void> {
      await db.query(
        `INSERT INTO snapshots (id, title, origin, source, source_label, source_kind, conversation_id, conversation, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          snapshot.id,
          snapshot.title,
          snapshot.origin,
          snapshot.source,
          snapshot.sourceLabel,
          snapshot.sourceKind,
          snapshot.conversationId,
          stringifyJson(snapshot.conversation),
          snapshot.expiresAt?.toISOString() ?? null,
        ],
      );
    },

    /** Stores items at the given positions; `finish` moves negative positions (counted back from the end) behind the rest. */
    async append(id: string, items: readonly (StoredItem & { position: number })[]): Promise<void> {
      for (let start = 0; start < items.length; start += INSERT_BATCH) {
        const batch = items.slice(start, start + INSERT_BATCH);
        await db.query(
          `INSERT INTO snapshot_items (snapshot_id, position, item_id, item)
           SELECT $1, t.position, t.item_id, t.item
           FROM unnest($2::integer[], $3::text[], $4::text[]) AS t(position, item_id, item)`,
          [id, batch.map((item) => item.position), batch.map((item) => item.id), batch.map((item) => item.json)],
        );
      }
      // A long read from a slow upstream is still alive: its row's time moves on (at most once a minute), so a purge
      // (this instance's or another's) does not take it for abandoned. `finish` sets the time it was taken.
      if (Date.now() - (touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
      touched.set(id, Date.now());
      await db.query(`UPDATE snapshots SET created_at = now() WHERE id = $1 AND state = 'creating'`, [id]);
    },

    /**
     * Makes the snapshot readable. Items stored from the end of the conversation have positions -1 (the last),
     * -2, …; they move behind the `head` items stored from the start, so positions run 0..n-1 in order.
     */
    /** `title`, when given, names a snapshot begun without one. */
    async finish(id: string, counts: { head: number; tail: number; excludedCount: number; byteSize: number }, manifest: ShareManifest | null = null, title: string | null = null): Promise<SnapshotMeta> {
      touched.delete(id);
      return db.transaction(async (tx) => {
        await tx.query('UPDATE snapshot_items SET position = position + $2 WHERE snapshot_id = $1 AND position < 0', [id, counts.head + counts.tail]);
        const [row] = await tx.query(
          `UPDATE snapshots SET state = 'ready', item_count = $2, excluded_count = $3, byte_size = $4, manifest = $5, title = COALESCE($6, title), created_at = now()
           WHERE id = $1 AND state = 'creating' RETURNING ${META_COLUMNS}`,
          [id, counts.head + counts.tail, counts.excludedCount, counts.byteSize, manifest && JSON.stringify(manifest), title],
        );
        if (!row) throw new Error(`Snapshot ${id} was purged as abandoned before it was finished.`);
        return toMeta(row);
      });
    },

    async discard(id: string): Promise<void> {
      touched.delete(id);
      await db.query('DELETE FROM snapshots WHERE id = $1', [id]);
    },

    async get(id: string): Promise<SnapshotLookup> {
      const [row] = await db.query(
        `SELECT ${META_COLUMNS}, conversation, revoked_at, (expires_at IS NOT NULL AND expires_at <= now()) AS expired
         FROM snapshots WHERE id = $1 AND state = 'ready'`,
        [id],
      );
      if (!row) return { status: 'not_found' };
      if (row.revoked_at) return { status: 'revoked', revoked_at: iso(row.revoked_at) as string };
      if (row.expired) return { status: 'expired', expires_at: iso(row.expires_at) as string };
      return { status: 'ok', snapshot: { ...toMeta(row), conversation: JSON.parse(row.conversation as string) as Record<string, unknown> } };
    },

    /** Every snapshot that can still be read, newest first (expired ones too, flagged by their expiry). */
    async list(limit = 1000): Promise<SnapshotMeta[]> {
      const rows = await db.query(
        `SELECT ${META_COLUMNS} FROM snapshots WHERE state = 'ready' AND revoked_at IS NULL ORDER BY created_at DESC, id LIMIT $1`,
        [limit],
      );
      return rows.map(toMeta);
    },

    /**
     * Marks the snapshot revoked and deletes its content: the items, the conversation object, and what could tell of
     * them (a title may be the first words of its first message, the manifest holds the terms it replaced, the
     * conversation's ID names it). False when there was nothing to revoke.
     */
    async revoke(id: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `UPDATE snapshots SET revoked_at = now(), conversation = 'null', title = NULL, manifest = NULL, conversation_id = NULL
           WHERE id = $1 AND state = 'ready' AND revoked_at IS NULL RETURNING id`,
          [id],
        );
        if (rows.length === 0) return false;
        await tx.query('DELETE FROM snapshot_items WHERE snapshot_id = $1', [id]);
        return true;
      });
    },

    /** Up to `limit` items after the position `after` (-1: from the start). */
    async items(id: string, after: number, limit: number): Promise<(StoredItem & { position: number })[]> {
      const rows = await db.query<{ position: number; item_id: string | null; item: string }>(
        `SELECT position, item_id, item FROM snapshot_items
         WHERE snapshot_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
        [id, after, limit],
      );
      return rows.map((row) => ({ position: Number(row.position), id: row.item_id, json: row.item }));
    },

    /** The position of an item, for cursors given as item IDs; null when the snapshot does not hold it. */
    async positionOf(id: string, itemId: string): Promise<number | null> {
      const [row] = await db.query<{ position: number | null }>(
        'SELECT min(position) AS position FROM snapshot_items WHERE snapshot_id = $1 AND item_id = $2',
        [id, itemId],
      );
      return row?.position === null || row?.position === undefined ? null : Number(row.position);
    },

    /**
     * Where the next items are and how big each is, without reading them: up to `limit` after the position `after`.
     * PostgreSQL knows a stored text's length without unpacking it, so this is cheap even for huge items.
     */
    async itemSizes(id: string, after: number, limit: number): Promise<{ position: number; id: string | null; bytes: number }[]> {
      const rows = await db.query<{ position: number; item_id: string | null; bytes: number }>(
        `SELECT position, item_id, octet_length(item) AS bytes FROM snapshot_items
         WHERE snapshot_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
        [id, after, limit],
      );
      return rows.map((row) => ({ position: Number(row.position), id: row.item_id, bytes: Number(row.bytes) }));
    },

    /** The items after the position `after` up to and including `through`, JSON exactly as stored. */
    async itemRange(id: string, after: number, through: number): Promise<(StoredItem & { position: number })[]> {
      const rows = await db.query<{ position: number; item_id: string | null; item: string }>(
        `SELECT position, item_id, item FROM snapshot_items
         WHERE snapshot_id = $1 AND position > $2 AND position <= $3 ORDER BY position`,
        [id, after, through],
      );
      return rows.map((row) => ({ position: Number(row.position), id: row.item_id, json: row.item }));
    },

    /** Drops what nobody can read any more: content of expired snapshots, and half-written ones. */
    async purge(): Promise<void> {
      await db.query(`DELETE FROM snapshots WHERE state = 'creating' AND created_at < now() - interval '${ABANDONED_AFTER}'`);
      await db.query(
        `DELETE FROM snapshot_items WHERE snapshot_id IN (SELECT id FROM snapshots WHERE expires_at IS NOT NULL AND expires_at <= now())`,
      );
      // What could tell of them goes too, as when a snapshot is revoked: the conversation object, the title (often the
      // first words of its first message), the manifest (the terms it replaced) and the conversation's ID. An expired
      // snapshot keeps only when it was made, how many items it held, and when it expired.
      await db.query(
        `UPDATE snapshots SET conversation = 'null', title = NULL, manifest = NULL, conversation_id = NULL
         WHERE expires_at IS NOT NULL AND expires_at <= now()
           AND (conversation <> 'null' OR title IS NOT NULL OR manifest IS NOT NULL OR conversation_id IS NOT NULL)`,
      );
    },
  };
}

export type SnapshotStore = ReturnType<typeof createSnapshotStore>;
