import type { ConversationItem } from '../types';

/**
 * The items of a conversation as they arrive from both ends: `head` pages from the first item on, oldest first;
 * `tail` pages from the last item back, newest first. Pages are kept as they came, so adding one copies
 * only the list of pages, never the items.
 */
export interface StreamedItems {
  head: readonly (readonly ConversationItem[])[];
  tail: readonly (readonly ConversationItem[])[];
  /** True once the two ends have met (or one end reached the other side). */
  complete: boolean;
  /** What each look at the newest end changed since, oldest first; only a transcript from a source has any. */
  live?: readonly LiveChanges[];
}

/** What one look at the newest end of a conversation changes. */
export interface LiveChanges {
  /** New items, oldest first; they go after the newest item held. */
  added: readonly ConversationItem[];
  /** Items already held whose content or status changed; each replaces its slot. */
  changed: readonly ConversationItem[];
  /** IDs of held items the upstream no longer has. */
  removed: readonly string[];
}

/** What one read of the stream adds. */
export interface StreamChunk {
  head: ConversationItem[];
  tail: ConversationItem[];
  done: boolean;
}

export const EMPTY_STREAM: StreamedItems = { head: [], tail: [], complete: false };

export function addChunk(state: StreamedItems, chunk: StreamChunk): StreamedItems {
  if (chunk.head.length === 0 && chunk.tail.length === 0 && !chunk.done) return state;
  return {
    head: chunk.head.length > 0 ? [...state.head, chunk.head] : state.head,
    tail: chunk.tail.length > 0 ? [...state.tail, chunk.tail] : state.tail,
    complete: state.complete || chunk.done,
    ...(state.live ? { live: state.live } : {}),
  };
}

const idOf = (item: ConversationItem) => (typeof item.id === 'string' && item.id ? item.id : null);

/**
 * The state with one more look at the newest end; a look that changed nothing leaves it as it was. Earlier looks
 * keep only the newest copy of an item changed again (an answer that grows at every poll is held once, not once
 * per poll): an earlier change of it is dropped, an earlier arrival of it now carries the newest copy.
 */
export function addLiveChanges(state: StreamedItems, changes: LiveChanges): StreamedItems {
  if (changes.added.length === 0 && changes.changed.length === 0 && changes.removed.length === 0) return state;
  const newest = new Map<string, ConversationItem>();
  for (const item of changes.changed) {
    const id = idOf(item);
    if (id) newest.set(id, item);
  }
  const earlier = (state.live ?? []).map((batch) =>
    newest.size === 0
      ? batch
      : {
          added: batch.added.map((item) => newest.get(idOf(item) ?? '') ?? item),
          changed: batch.changed.filter((item) => !newest.has(idOf(item) ?? '')),
          removed: batch.removed,
        },
  );
  return { ...state, live: [...earlier, changes] };
}

/**
 * Where each end stopped: the stream resumes after these items, the last of each end that has an ID (an item without
 * one cannot be a cursor; from the start again, every item would come twice).
 */
export function streamCursors(state: StreamedItems | undefined): { headAfter: string | null; tailAfter: string | null } {
  const last = (pages: StreamedItems['head'] | undefined) => {
    for (let page = (pages?.length ?? 0) - 1; page >= 0; page -= 1) {
      const items = pages![page];
      for (let at = items.length - 1; at >= 0; at -= 1) if (items[at].id) return items[at].id!;
    }
    return null;
  };
  return { headAfter: last(state?.head), tailAfter: last(state?.tail) };
}

export function countStreamed(state: StreamedItems | undefined): number {
  if (!state) return 0;
  let count = 0;
  for (const page of state.head) count += page.length;
  for (const page of state.tail) count += page.length;
  return count;
}
