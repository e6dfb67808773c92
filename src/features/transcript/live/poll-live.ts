import { ApiError } from '../../../lib/api-error';
import type { getItem, listItems } from '../api/get-items';
import type { LiveChanges } from '../data/streamed-items';
import type { TranscriptIndex } from '../data/transcript-index';
import type { ConversationItem } from '../types';
import type { LiveClock } from './live-clock';
import { planLiveMerge, type LiveRead } from './live-merge';

/** The newest items a poll reads first; most polls find the newest item held among them and stop. */
export const FIRST_PAGE = 20;
/** Later pages, when more than that arrived at once. */
export const LATER_PAGE = 100;
/** Pages one poll reads back from the newest end at most: a burst bigger than 320 items is read forward instead. */
export const MAX_PAGES = 4;
/**
 * Pages one poll reads forward from the newest item held, in a burst too big for its look back: 1,000 items a poll,
 * placed at once; the next poll reads on.
 */
export const CATCH_UP_PAGES = 10;
/** Items in progress (and not among the newest read) fetched one by one per poll, in turns. */
export const MAX_ITEM_GETS = 2;

export interface LiveApi {
  listItems: typeof listItems;
  getItem: typeof getItem;
}

export interface LivePollResult {
  added: number;
  /** New items arrived that no poll can place (nothing held to read on from upstream): only a reload reads them. */
  behind: boolean;
  /** A burst is being read forward: this poll placed `added` of it, and more follow. */
  catchingUp: boolean;
}

/** Where the next page starts: the page's `last_id`, else its last item that has an ID (some item types may lack one). */
function pageCursor(list: { last_id?: string | null; data: readonly ConversationItem[] }): string | null {
  if (typeof list.last_id === 'string' && list.last_id) return list.last_id;
  for (let at = list.data.length - 1; at >= 0; at -= 1) {
    const id = list.data[at].id;
    if (typeof id === 'string' && id) return id;
  }
  return null;
}

/** Where each index's next poll starts among its items in progress. */
const pendingTurns = new WeakMap<TranscriptIndex, number>();

/**
 * Reads the newest end until it reaches an item held (at most `lookBack` pages), then the items still in progress.
 */
export async function readNewest(
  api: LiveApi,
  source: string,
  conversationId: string,
  index: TranscriptIndex,
  signal?: AbortSignal,
  lookBack = MAX_PAGES,
): Promise<LiveRead & { requests: number }> {
  const newest: ConversationItem[] = [];
  let hasMore = false;
  let after: string | null = null;
  let requests = 0;
  for (let page = 0; page < lookBack; page += 1) {
    const list = await api.listItems(source, conversationId, { order: 'desc', limit: page === 0 ? FIRST_PAGE : LATER_PAGE, after }, signal);
    requests += 1;
    newest.push(...list.data);
    // More that cannot be read on to (no cursor, an empty page) is still more: the start was not reached, and what the
    // pages read do not list is not gone.
    hasMore = list.has_more;
    after = pageCursor(list);
    if (!hasMore || after === null || list.data.length === 0 || list.data.some((item) => typeof item.id === 'string' && index.rowOfId(item.id) !== null)) break;
  }

  const read = new Set(newest.map((item) => item.id));
  // In turns: with more items in progress than one poll fetches, each poll takes the next ones, so none waits for good
  // behind two that stay in progress.
  const candidates = [...index.inProgress].filter((id) => !read.has(id) && !index.isRemoved(id));
  const turn = pendingTurns.get(index) ?? 0;
  const pending = candidates.length <= MAX_ITEM_GETS ? candidates : Array.from({ length: MAX_ITEM_GETS }, (_, at) => candidates[(turn + at) % candidates.length]);
  pendingTurns.set(index, candidates.length <= MAX_ITEM_GETS ? 0 : (turn + MAX_ITEM_GETS) % candidates.length);
  const items = new Map<string, ConversationItem | 'missing'>();
  for (const id of pending) {
    requests += 1;
    try {
      items.set(id, await api.getItem(source, conversationId, id, signal));
    } catch (error) {
      if (signal?.aborted) throw error;
      if (error instanceof ApiError && error.status === 404) items.set(id, 'missing');
      // A rate limit holds for every request; any other failure of one item waits for the next poll.
      else if (error instanceof ApiError && error.status === 429) throw error;
    }
  }
  return { newest, hasMore, items, requests };
}

/** How many of the newest held items a burst may be read on from, newest first, when newer ones are gone upstream. */
export const ANCHOR_TRIES = 3;

/** What reading on from the newest items held found. */
export interface OnwardRead {
  /** The items after the anchor that still exists, oldest first. */
  items: ConversationItem[];
  /** More follow them. */
  more: boolean;
  /** Anchors the upstream no longer has (a 404 or 400 for the cursor), newest first. */
  gone: string[];
  /** Every anchor was gone: there is nothing to read on from. */
  lost: boolean;
}

/** An upstream's answer to a cursor naming an item it does not have: 404 as the Conversations API says, 400 from some. */
const cursorGone = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/**
 * The items after the newest one held that still exists upstream, oldest first, at most CATCH_UP_PAGES pages of
 * them: a burst bigger than a poll's look back, read in order so that it can be placed. `anchors` are the newest
 * held IDs, newest first; one the upstream does not have is gone, and the next is tried. Items held (read again after
 * an older anchor) are the caller's to leave out. A failure after the first page keeps the pages read (they are in
 * order from the anchor, and the next poll reads on after them); one before it is thrown. `spent.requests` counts
 * every request made.
 */
export async function readOnward(
  api: LiveApi,
  source: string,
  conversationId: string,
  anchors: readonly string[],
  spent: { requests: number },
  signal?: AbortSignal,
): Promise<OnwardRead> {
  const items: ConversationItem[] = [];
  const gone: string[] = [];
  let cursor: string | null = anchors[0] ?? null;
  let read = 0;
  let more = false;
  for (let page = 0; page < CATCH_UP_PAGES && cursor !== null; page += 1) {
    let list: Awaited<ReturnType<LiveApi['listItems']>>;
    try {
      spent.requests += 1;
      list = await api.listItems(source, conversationId, { order: 'asc', limit: LATER_PAGE, after: cursor }, signal);
    } catch (error) {
      if (read > 0 && !signal?.aborted) return { items, more: true, gone, lost: false };
      if (read > 0 || !cursorGone(error)) throw error;
      gone.push(cursor);
      cursor = anchors[gone.length] ?? null;
      if (cursor === null) return { items, more: false, gone, lost: true };
      continue;
    }
    read += 1;
    items.push(...list.data);
    cursor = pageCursor(list);
    more = list.has_more && list.data.length > 0 && cursor !== null;
    if (!more) break;
  }
  return { items, more, gone, lost: false };
}

/** How each index's last poll went: a burst being read on, or anchors nothing could be read on from (not tried again). */
const lastPolls = new WeakMap<TranscriptIndex, { catchingUp: boolean; lostFrom: string | null }>();

/**
 * One poll: reads, works out what changed against the index, hands that to `commit` (which writes it where the
 * index is fed from), and tells the clock how it went. A failed poll commits nothing.
 */
export async function runLivePoll(
  api: LiveApi,
  target: { source: string; conversationId: string },
  index: TranscriptIndex,
  clock: LiveClock,
  commit: (changes: LiveChanges) => void,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<LivePollResult> {
  const last = lastPolls.get(index) ?? { catchingUp: false, lostFrom: null };
  let read: Awaited<ReturnType<typeof readNewest>>;
  try {
    // While a burst is read on, the newest end is far past what is held: one page of it tells whether that is still so.
    read = await readNewest(api, target.source, target.conversationId, index, signal, last.catchingUp ? 1 : MAX_PAGES);
  } catch (error) {
    if (!signal?.aborted) clock.failed(now(), error);
    throw error;
  }
  let merge = planLiveMerge(index, read);
  const spent = { requests: read.requests };
  let catchingUp = false;
  let lostFrom: string | null = null;
  // More arrived than the look back reaches: read on from the newest item held, in order, a bounded stretch a poll.
  const anchors = merge.behind ? index.newestIds(ANCHOR_TRIES, { present: true }) : [];
  // The same anchors all found gone last time: asking again would only be refused again, until Reload.
  const repeatedLoss = anchors.length > 0 && anchors[0] === last.lostFrom;
  if (anchors.length > 0 && !repeatedLoss) {
    let onward: OnwardRead;
    try {
      onward = await readOnward(api, target.source, target.conversationId, anchors, spent, signal);
    } catch (error) {
      if (!signal?.aborted) clock.failed(now(), error, spent.requests);
      throw error;
    }
    // An item the upstream no longer has, as a cursor, is gone like one missing from the newest items.
    const removed = [...merge.removed, ...onward.gone.filter((id) => !index.isRemoved(id))];
    // As a look back places them: items without an ID (which no later look could match) and items held are left out.
    const seen = new Set<string>();
    const added = onward.items.filter((item) => {
      if (typeof item.id !== 'string' || !item.id || seen.has(item.id) || index.rowOfId(item.id) !== null) return false;
      seen.add(item.id);
      return true;
    });
    // Reading on found nothing new though the newest end holds items not held (an upstream that answers an unknown
    // cursor with an empty page, or items with no ID): they cannot be placed without a reload, and no poll reads the
    // same stretch over and over.
    const placed = !onward.lost && added.length > 0;
    merge = { ...merge, added: placed ? added : [], removed, behind: !placed };
    catchingUp = placed && onward.more;
    if (!placed) lostFrom = anchors[0];
  } else if (repeatedLoss) lostFrom = last.lostFrom;
  lastPolls.set(index, { catchingUp, lostFrom });
  const changed = merge.added.length > 0 || merge.changed.length > 0 || merge.removed.length > 0;
  if (changed) commit({ added: merge.added, changed: merge.changed, removed: merge.removed });
  // Behind or catching up (more new items than a poll reads) is a change too: the conversation is busy, not idle. The
  // same loss found again is not: a watch that can only wait for Reload stops when its quiet period ends.
  const stuck = merge.behind && (anchors.length === 0 || repeatedLoss);
  clock.succeeded(now(), { changed: changed || catchingUp || (merge.behind && !stuck), requests: spent.requests });
  return { added: merge.added.length, behind: merge.behind, catchingUp };
}
