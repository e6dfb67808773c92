import type { LiveChanges } from '../data/streamed-items';
import type { TranscriptIndex } from '../data/transcript-index';
import type { ConversationItem } from '../types';

/** What one poll read from the upstream. */
export interface LiveRead {
  /** The newest items, newest first, contiguous from the newest one upstream. */
  newest: readonly ConversationItem[];
  /** The upstream has older items than `newest` holds. */
  hasMore: boolean;
  /** Items fetched one by one (those in progress), or 'missing' when the upstream answered 404. */
  items: ReadonlyMap<string, ConversationItem | 'missing'>;
}

export interface LiveMerge extends LiveChanges {
  /** More items arrived than one poll reads: the newest read do not reach an item held, so they cannot be placed. */
  behind: boolean;
}

const idOf = (item: ConversationItem) => (typeof item.id === 'string' && item.id ? item.id : null);
const differs = (a: ConversationItem, b: ConversationItem) => JSON.stringify(a) !== JSON.stringify(b);

/**
 * Compares a poll with what the index holds. Items newer than the newest held one that still exists are new;
 * held items among those read that differ have changed; held items within the span read which the upstream no
 * longer lists, and items fetched one by one that answer 404, were removed.
 */
export function planLiveMerge(index: TranscriptIndex, read: LiveRead): LiveMerge {
  const fresh: ConversationItem[] = [];
  const changed = new Map<string, ConversationItem>();
  const seen = new Set<string>();
  let anchorRow: number | null = null;
  let lowestRow: number | null = null;
  for (const item of read.newest) {
    const id = idOf(item);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const row = index.rowOfId(id);
    if (row === null) {
      // Items older than the anchor and not held are in the middle that has not loaded; not new.
      if (anchorRow === null) fresh.push(item);
      continue;
    }
    anchorRow ??= row;
    lowestRow = Math.min(lowestRow ?? row, row);
    const slot = index.slotAt(row);
    if (slot && (differs(index.itemAt(slot), item) || index.isRemoved(id))) changed.set(id, item);
  }

  const reachedStart = !read.hasMore;
  const behind = anchorRow === null && !reachedStart;
  const removed: string[] = [];
  // The pages read are contiguous from the newest item down, so a held item in their span that was not listed is gone.
  const from = reachedStart ? -1 : lowestRow === null ? index.rowCount : lowestRow;
  for (let row = index.rowCount - 1; row > from; row -= 1) {
    const slot = index.slotAt(row);
    if (!slot) continue;
    const id = idOf(index.itemAt(slot));
    if (id !== null && !seen.has(id) && !index.isRemoved(id)) removed.push(id);
  }

  for (const [id, item] of read.items) {
    if (index.rowOfId(id) === null || seen.has(id)) continue;
    if (item === 'missing') {
      if (!index.isRemoved(id)) removed.push(id);
      continue;
    }
    const row = index.rowOfId(id);
    const slot = row === null ? null : index.slotAt(row);
    if (slot && (differs(index.itemAt(slot), item) || index.isRemoved(id))) changed.set(id, item);
  }

  return { added: behind ? [] : fresh.reverse(), changed: [...changed.values()], removed, behind };
}
