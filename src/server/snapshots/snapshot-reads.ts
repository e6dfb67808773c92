import type { Context } from 'hono';
import type { ExportItem } from '../../shared/export/export-document.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { busy as budgetFull } from '../upstream/get-from-upstream.ts';
import type { ByteLease, createByteBudget } from '../upstream/byte-budget.ts';
import { deadline } from '../http/deadline.ts';
import { connectionCloser, heldStream } from '../http/held-stream.ts';
import type { SnapshotStore } from '../store/snapshot-store.ts';

/** Items are read from the store this many bytes at a time (one bigger item alone), never a whole page at once. */
export const BATCH_BYTES = 1024 * 1024;
const EXPORT_ROWS = 1000;

export interface HeldReads {
  /** The server's byte budget, shared with every upstream answer. */
  budget: ReturnType<typeof createByteBudget>;
  /** UPSTREAM_TIMEOUT_SECONDS: the longest a read waits for room, and a reader may take nothing. */
  timeoutMs: number;
}

type Sized = { position: number; id: string | null; bytes: number };

/** Consecutive items of at most `maxBytes` together; an item bigger than that makes a batch of its own. */
export function batches<T extends { bytes: number }>(rows: readonly T[], maxBytes = BATCH_BYTES): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (current.length > 0 && bytes + row.bytes > maxBytes) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += row.bytes;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** The answer a page read gives when the budget has no room: 503 viewer_busy, with Retry-After. */
const busy = () => ApiFailure.from(budgetFull());

/** A batch's items, read once the lease has room for them; no longer than the timeout is spent waiting. */
async function readBatch(store: SnapshotStore, snapshotId: string, batch: readonly Sized[], lease: ByteLease, held: HeldReads, signal: AbortSignal) {
  const limit = deadline(held.timeoutMs, signal);
  try {
    if (!(await lease.grow(batch.reduce((sum, row) => sum + row.bytes, 0), limit.signal))) throw busy();
  } finally {
    limit.clear();
  }
  return store.itemRange(snapshotId, batch[0].position - 1, batch.at(-1)!.position);
}

/**
 * A page of a snapshot's items as the API pages them, streamed from the store batch by batch within the byte budget.
 * The first batch is read before answering, so finding no room is an ordinary 503; a client that stops reading is
 * dropped after the timeout.
 */
export async function itemsPageResponse(c: Context, store: SnapshotStore, snapshotId: string, after: number, limit: number, held: HeldReads) {
  const sizes = await store.itemSizes(snapshotId, after, limit + 1);
  const page = sizes.slice(0, limit);
  const more = sizes.length > page.length;
  const groups = batches(page);
  const tail = `],"first_id":${JSON.stringify(page[0]?.id ?? null)},"last_id":${JSON.stringify(page.at(-1)?.id ?? null)},"has_more":${more},"next_from":${more ? page.at(-1)!.position + 1 : null}}`;
  const lease = held.budget.lease();
  const signal = c.req.raw.signal;
  const encoder = new TextEncoder();
  let first: string;
  try {
    first = groups.length > 0 ? (await readBatch(store, snapshotId, groups[0], lease, held, signal)).map((row) => row.json).join(',') : '';
  } catch (error) {
    lease.release();
    throw error;
  }
  // One chunk per batch: the first opens the list, the last closes it.
  const steps = Math.max(groups.length, 1);
  let step = 0;
  const produce = async () => {
    if (step >= steps) return null;
    // The stored JSON goes out as it is, without parsing it again.
    const text = step === 0 ? `{"object":"list","data":[${first}` : `,${(await readBatch(store, snapshotId, groups[step], lease, held, signal)).map((row) => row.json).join(',')}`;
    step += 1;
    const chunk = encoder.encode(step === steps ? text + tail : text);
    lease.resize(chunk.byteLength);
    return chunk;
  };
  const body = heldStream(produce, { lease, stallMs: held.timeoutMs, onStall: connectionCloser(c) });
  return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
}

/** Every item of a snapshot in order, read batch by batch within the byte budget, for the exports. */
export async function* snapshotItems(store: SnapshotStore, snapshotId: string, held: HeldReads, signal: AbortSignal): AsyncGenerator<ExportItem> {
  const lease = held.budget.lease();
  try {
    for (let position = -1; ; ) {
      const sizes = await store.itemSizes(snapshotId, position, EXPORT_ROWS);
      for (const group of batches(sizes)) {
        lease.resize(0);
        for (const row of await readBatch(store, snapshotId, group, lease, held, signal)) yield JSON.parse(row.json) as ExportItem;
      }
      if (sizes.length < EXPORT_ROWS) return;
      position = sizes.at(-1)!.position;
    }
  } finally {
    lease.release();
  }
}
