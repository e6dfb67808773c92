import { randomBytes } from 'node:crypto';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { ApiFailure } from '../api-failure.ts';
import type { Source } from '../sources.ts';
import type { LazyStore } from '../store/open-store.ts';
import type { NewSnapshot, SnapshotMeta, SnapshotStore, StoredItem } from '../store/snapshot-store.ts';
import type { LoaderItem } from '../loader/load-conversation.ts';
import { CONVERSATION_ID_PATTERN } from '../../lib/ids.ts';
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

interface Page {
  end: 'head' | 'tail';
  items: readonly LoaderItem[];
}

/**
 * Stores a snapshot page by page. Excluded items are dropped as they arrive and never reach the store; items from
 * the end of the conversation are placed behind those from the start. On any failure nothing is kept.
 */
async function writeSnapshot(store: SnapshotStore, limits: SnapshotLimits, snapshot: Omit<NewSnapshot, 'id'>, pages: AsyncIterable<Page>, exclude?: Exclusion): Promise<SnapshotMeta> {
  await store.purge();
  const id = newSnapshotId();
  await store.begin({ id, ...snapshot });
  try {
    const skip = excluder(exclude);
    const counts = { head: 0, tail: 0, excludedCount: 0, byteSize: 0 };
    for await (const page of pages) {
      const rows: (StoredItem & { position: number })[] = [];
      for (const item of page.items) {
        if (skip(item)) {
          counts.excludedCount += 1;
          continue;
        }
        const json = stringifyJson(item);
        counts.byteSize += Buffer.byteLength(json);
        const position = page.end === 'head' ? counts.head++ : -1 - counts.tail++;
        if (counts.head + counts.tail > limits.maxItems) {
          throw new ApiFailure(413, 'snapshot_too_many_items', `This conversation has more than ${limits.maxItems} items (after exclusions), the most a snapshot holds (SNAPSHOT_MAX_ITEMS).`);
        }
        if (counts.byteSize > limits.maxBytes) {
          throw new ApiFailure(413, 'snapshot_too_large', `This conversation's items take more than ${mib(limits.maxBytes)} (after exclusions), the most a snapshot holds (SNAPSHOT_MAX_BYTES).`);
        }
        rows.push({ id: item.id ?? null, json, position });
      }
      await store.append(id, rows);
    }
    return await store.finish(id, counts);
  } catch (error) {
    await store.discard(id).catch(() => undefined);
    throw error;
  }
}

/** Reads the whole conversation from its source, from both ends at once, and stores it. */
export async function createSnapshotFromSource(
  lazyStore: LazyStore,
  reader: ReaderOptions,
  limits: SnapshotLimits,
  request: NewSourceSnapshot,
  signal: AbortSignal,
): Promise<SnapshotMeta> {
  const { source, conversationId } = request;
  // The store first: opening it may take seconds, which must not fall between the upstream reads.
  const store = await lazyStore.get();
  const conversation = await readConversation(source, conversationId, reader, signal);
  // Both ends stop once they pass the item limit, so a runaway upstream costs at most that many pages.
  const maxPages = Math.ceil(limits.maxItems / UPSTREAM_PAGE_SIZE) + 2;
  async function* pages(): AsyncGenerator<Page> {
    for await (const event of readBothEnds(source, conversationId, reader, { maxPages, signal })) {
      if (event.type === 'error') throw ApiFailure.from(event.status, event.error);
      if (event.type === 'items') yield event;
    }
  }
  const snapshot = { title: request.title, origin: 'source' as const, source: source.id, sourceLabel: source.label, conversationId, conversation, expiresAt: request.expiresAt };
  return writeSnapshot(store, limits, snapshot, pages(), request.exclude);
}

export interface NewFileSnapshot {
  conversation: Record<string, unknown>;
  items: readonly LoaderItem[];
  title: string | null;
  expiresAt: Date | null;
  exclude?: Exclusion;
}

/** Stores a conversation the browser read from a local file; the snapshot says it came from a file. */
export async function createSnapshotFromFile(lazyStore: LazyStore, limits: SnapshotLimits, request: NewFileSnapshot): Promise<SnapshotMeta> {
  const id = request.conversation.id;
  const snapshot = {
    title: request.title,
    origin: 'file' as const,
    source: null,
    sourceLabel: null,
    conversationId: typeof id === 'string' && CONVERSATION_ID_PATTERN.test(id) ? id : null,
    conversation: request.conversation,
    expiresAt: request.expiresAt,
  };
  async function* pages(): AsyncGenerator<Page> {
    yield { end: 'head', items: request.items };
  }
  return writeSnapshot(await lazyStore.get(), limits, snapshot, pages(), request.exclude);
}
