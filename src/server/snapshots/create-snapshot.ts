import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../api-failure.ts';
import type { Source } from '../sources.ts';
import type { LazyStore } from '../store/open-store.ts';
import type { SnapshotMeta, StoredItem } from '../store/snapshot-store.ts';
import { excluder, type Exclusion } from './exclusion.ts';
import { readBothEnds, readConversation, type ReaderOptions } from './source-reader.ts';

/** 144 random bits, URL-safe: nobody finds a snapshot without being given its link. */
export function newSnapshotId(): string {
  return randomBytes(18).toString('base64url');
}

export interface SnapshotLimits {
  maxItems: number;
  maxBytes: number;
}

export interface NewSourceSnapshot {
  source: Source;
  conversationId: string;
  title: string | null;
  expiresAt: Date | null;
  exclude?: Exclusion;
}

const UPSTREAM_PAGE_SIZE = 100;

function mib(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Reads the whole conversation from its source and stores the conversation object and every item not excluded.
 * Excluded items are dropped as they arrive and never reach the store. On any failure nothing is kept.
 */
export async function createSnapshotFromSource(
  lazyStore: LazyStore,
  reader: ReaderOptions,
  limits: SnapshotLimits,
  request: NewSourceSnapshot,
  signal: AbortSignal,
): Promise<SnapshotMeta> {
  const conversation = await readConversation(request.source, request.conversationId, reader, signal);
  const store = await lazyStore.get();
  await store.purge();
  const id = newSnapshotId();
  await store.begin({
    id,
    title: request.title,
    origin: 'source',
    source: request.source.id,
    sourceLabel: request.source.label,
    conversationId: request.conversationId,
    conversation,
    expiresAt: request.expiresAt,
  });
  try {
    const skip = excluder(request.exclude);
    const counts = { head: 0, tail: 0, excludedCount: 0, byteSize: 0 };
    // Both ends stop once they pass the item limit, so a runaway upstream costs at most that many pages.
    const maxPages = Math.ceil(limits.maxItems / UPSTREAM_PAGE_SIZE) + 2;
    for await (const event of readBothEnds(request.source, request.conversationId, reader, { maxPages, signal })) {
      if (event.type === 'error') throw ApiFailure.from(event.status, event.error);
      if (event.type !== 'items') continue;
      const rows: (StoredItem & { position: number })[] = [];
      for (const item of event.items) {
        if (skip(item)) {
          counts.excludedCount += 1;
          continue;
        }
        const json = JSON.stringify(item);
        counts.byteSize += Buffer.byteLength(json);
        const position = event.end === 'head' ? counts.head++ : -1 - counts.tail++;
        if (counts.head + counts.tail > limits.maxItems) {
          throw new ApiFailure(413, 'snapshot_too_many_items', `This conversation has more than ${limits.maxItems} items (after exclusions), the most a snapshot holds (SNAPSHOT_MAX_ITEMS).`);
        }
        if (counts.byteSize > limits.maxBytes) {
          throw new ApiFailure(413, 'snapshot_too_large', `This conversation's items take more than ${mib(limits.maxBytes)} (after exclusions), the most a snapshot holds (SNAPSHOT_MAX_BYTES).`);
        }
        rows.push({ id: item.id, json, position });
      }
      await store.append(id, rows);
    }
    return await store.finish(id, counts);
  } catch (error) {
    await store.discard(id).catch(() => undefined);
    throw error;
  }
}
