import { randomBytes } from 'node:crypto';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { Source } from '../sources/sources.ts';
import type { LazyStore } from '../store/open-store.ts';
import type { NewSnapshot, SnapshotMeta, SnapshotStore, StoredItem } from '../store/snapshot-store.ts';
import { DEFAULT_MAX_PAGES, type LoaderItem } from '../upstream/load-conversation.ts';
import { CONVERSATION_ID_PATTERN } from '../../lib/ids.ts';
import { conversationTitle } from '../../shared/items/conversation-title.ts';
import { messageText } from '../../shared/items/display-text.ts';
import { startsTurn } from '../../shared/items/item-counts.ts';
import { ShareFilter, type ShareRules } from '../../shared/snapshots/share-filter.ts';
import type { SnapshotPreview } from '../../shared/snapshots/snapshot-meta.ts';
import { readBothEnds, readConversation, readInOrder, STREAM_PAGE_SIZE as UPSTREAM_PAGE_SIZE } from '../upstream/source-reader.ts';
import type { UpstreamReader } from '../upstream/upstream-read.ts';

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
  rules?: ShareRules;
}

/**
 * Refuses an expiry date already past. Checked when a request arrives and again right before a snapshot is stored, so
 * a date a moment away that passes while the conversation is read is refused too, not stored already expired.
 */
export function checkExpiry(expiresAt: Date | null, written = expiresAt?.toISOString()): void {
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new ApiFailure(400, 'invalid_request', `'expires_at' (${written}) is in the past.`, 'invalid_request_error', 'expires_at');
  }
}

function mib(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

interface Page {
  end: 'head' | 'tail';
  items: readonly LoaderItem[];
}

type Row = StoredItem & { position: number };

/** The counts a snapshot keeps, checked against its limits as items pass. */
interface Tally {
  head: number;
  tail: number;
  excludedCount: number;
  byteSize: number;
  /** The text of the earliest user message kept so far, and whether it was read from the start. */
  firstUserText?: string;
  userFromHead?: boolean;
}

/**
 * The conversation's pages as they may be shared: the reader's rules applied item by item, each kept item as the
 * JSON text to store, placed from the start (0, 1, …) or from the end (-1, -2, …), within the snapshot's limits.
 */
async function* sharedRows(pages: AsyncIterable<Page>, filter: ShareFilter, limits: SnapshotLimits, tally: Tally): AsyncGenerator<Row[]> {
  for await (const page of pages) {
    const rows: Row[] = [];
    for (const original of page.items) {
      const item = filter.item(original);
      if (!item) {
        tally.excludedCount += 1;
        continue;
      }
      const json = stringifyJson(item);
      tally.byteSize += Buffer.byteLength(json);
      const position = page.end === 'head' ? tally.head++ : -1 - tally.tail++;
      // The start's first user message is the conversation's; the end is read backwards, so its last one read is the earliest.
      if (startsTurn(item) && !tally.userFromHead) {
        tally.firstUserText = messageText(item);
        tally.userFromHead = page.end === 'head';
      }
      if (tally.head + tally.tail > limits.maxItems) {
        throw new ApiFailure(413, 'snapshot_too_many_items', `This conversation has more than ${limits.maxItems} items (after exclusions), the most a snapshot holds (SNAPSHOT_MAX_ITEMS).`);
      }
      if (tally.byteSize > limits.maxBytes) {
        throw new ApiFailure(413, 'snapshot_too_large', `This conversation's items take more than ${mib(limits.maxBytes)} (after exclusions), the most a snapshot holds (SNAPSHOT_MAX_BYTES).`);
      }
      rows.push({ id: item.id ?? null, json, position });
    }
    yield rows;
  }
}

/**
 * Stores a snapshot page by page. What the rules leave out is removed as items arrive and never reaches the store;
 * items from the end of the conversation are placed behind those from the start. On any failure nothing is kept.
 */
async function writeSnapshot(store: SnapshotStore, limits: SnapshotLimits, snapshot: Omit<NewSnapshot, 'id'>, pages: AsyncIterable<Page>, filter: ShareFilter): Promise<SnapshotMeta> {
  await store.purge();
  const id = newSnapshotId();
  const conversation = filter.conversation(snapshot.conversation);
  // Its title is stored once the rules have read it too (below): a term the author replaces goes from a title they typed.
  await store.begin({ id, ...snapshot, conversation, title: null });
  try {
    const tally: Tally = { head: 0, tail: 0, excludedCount: 0, byteSize: 0 };
    for await (const rows of sharedRows(pages, filter, limits, tally)) await store.append(id, rows);
    // Untitled, a snapshot is named as the viewer titles its transcript, from what it shares (never from what it leaves out).
    const title = snapshot.title ? filter.text(snapshot.title) : conversationTitle(conversation, tally.firstUserText ?? null);
    checkExpiry(snapshot.expiresAt);
    return await store.finish(id, tally, filter.manifest(), title);
  } catch (error) {
    await store.discard(id).catch(() => undefined);
    throw error;
  }
}


async function previewSnapshot(limits: SnapshotLimits, conversation: Record<string, unknown>, pages: AsyncIterable<Page>, filter: ShareFilter): Promise<SnapshotPreview> {
  filter.conversation(conversation);
  const tally: Tally = { head: 0, tail: 0, excludedCount: 0, byteSize: 0 };
  for await (const rows of sharedRows(pages, filter, limits, tally)) void rows;
  const samples = filter.samples().map((sample) => ({ ...sample, value: sample.value.length > 80 ? `${sample.value.slice(0, 79)}…` : sample.value }));
  return { object: 'snapshot.preview', item_count: tally.head + tally.tail, byte_size: tally.byteSize, manifest: filter.manifest(), samples };
}

/**
 * The conversation's pages from its source. Both ends at once is fastest; with pseudonyms, whose numbers follow the
 * order of first appearance, the pages come from the start only, in conversation order.
 */
async function* sourcePages(request: NewSourceSnapshot, reader: UpstreamReader, limits: SnapshotLimits, inOrder: boolean, signal: AbortSignal): AsyncGenerator<Page> {
  const { source, conversationId } = request;
  // The item limit counts the items a snapshot keeps, and stops a long conversation early (413). Items the rules
  // leave out are read all the same: reading stops at the viewer's own bound (a runaway upstream), or at the item
  // limit's pages if that is higher. Read from the start only, one end reads what two would.
  const perEnd = Math.max(DEFAULT_MAX_PAGES, Math.ceil(limits.maxItems / UPSTREAM_PAGE_SIZE) + 2);
  const maxPages = inOrder ? 2 * perEnd : perEnd;
  if (inOrder) {
    let items: LoaderItem[] = [];
    for await (const item of readInOrder(source, conversationId, reader, { maxPages, signal })) {
      items.push(item as LoaderItem);
      if (items.length >= UPSTREAM_PAGE_SIZE) yield { end: 'head', items: items.splice(0) };
    }
    if (items.length) yield { end: 'head', items };
    return;
  }
  for await (const event of readBothEnds(source, conversationId, reader, { maxPages, signal })) {
    if (event.type === 'error') throw ApiFailure.from(event.failure);
    if (event.type === 'items') yield event;
  }
}

function sourceSnapshotMeta(request: NewSourceSnapshot, conversation: Record<string, unknown>) {
  const { source, conversationId } = request;
  return { title: request.title, origin: 'source' as const, source: source.id, sourceLabel: source.label, sourceKind: source.kind, conversationId, conversation, expiresAt: request.expiresAt };
}

/** Reads the whole conversation from its source and stores it, as the reader's rules allow. */
export async function createSnapshotFromSource(
  lazyStore: LazyStore,
  reader: UpstreamReader,
  limits: SnapshotLimits,
  request: NewSourceSnapshot,
  signal: AbortSignal,
): Promise<SnapshotMeta> {
  // The store first: opening it may take seconds, which must not fall between the upstream reads.
  const store = await lazyStore.get();
  const conversation = await readConversation(request.source, request.conversationId, reader, signal);
  const filter = new ShareFilter(request.rules);
  return writeSnapshot(store, limits, sourceSnapshotMeta(request, conversation), sourcePages(request, reader, limits, filter.redacts, signal), filter);
}

/** Reads the conversation as a snapshot would, and says what it would hold. */
export async function previewSourceSnapshot(reader: UpstreamReader, limits: SnapshotLimits, request: NewSourceSnapshot, signal: AbortSignal): Promise<SnapshotPreview> {
  const conversation = await readConversation(request.source, request.conversationId, reader, signal);
  const filter = new ShareFilter(request.rules);
  return previewSnapshot(limits, conversation, sourcePages(request, reader, limits, filter.redacts, signal), filter);
}

export interface NewFileSnapshot {
  conversation: Record<string, unknown>;
  items: readonly LoaderItem[];
  title: string | null;
  expiresAt: Date | null;
  rules?: ShareRules;
}

async function* filePages(request: NewFileSnapshot): AsyncGenerator<Page> {
  yield { end: 'head', items: request.items };
}

/** Says what a snapshot of a file would hold, without storing anything. */
export function previewFileSnapshot(limits: SnapshotLimits, request: NewFileSnapshot): Promise<SnapshotPreview> {
  return previewSnapshot(limits, request.conversation, filePages(request), new ShareFilter(request.rules));
}

/** Stores a conversation the browser read from a local file; the snapshot says it came from a file. */
export async function createSnapshotFromFile(lazyStore: LazyStore, limits: SnapshotLimits, request: NewFileSnapshot): Promise<SnapshotMeta> {
  const id = request.conversation.id;
  const snapshot = {
    title: request.title,
    origin: 'file' as const,
    source: null,
    sourceLabel: null,
    sourceKind: null,
    conversationId: typeof id === 'string' && CONVERSATION_ID_PATTERN.test(id) ? id : null,
    conversation: request.conversation,
    expiresAt: request.expiresAt,
  };
  return writeSnapshot(await lazyStore.get(), limits, snapshot, filePages(request), new ShareFilter(request.rules));
}
