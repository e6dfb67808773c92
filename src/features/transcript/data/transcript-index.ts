import { foldsIntoCall, itemKind, pairKey, type ItemKind } from '../../../shared/items/item-catalog';
import { countItem, emptyCounts } from '../../../shared/items/item-counts';
import { isUnderWay } from '../../../shared/items/item-status';
import type { ToolPairs } from '../lib/pair-tool-calls';
import { SlotPairs, type PairChange } from './slot-pairs';
import type { ConversationItem } from '../types';
import type { LiveChanges, StreamedItems } from './streamed-items';

/** The head and tail as the stream loaded them, and `live`: items that arrived later, oldest first. */
export type End = 'head' | 'tail' | 'live';

export interface Slot {
  end: End;
  /** From the first item for the head, from the last item for the tail, from the first arrival for live. */
  offset: number;
}

export const ENDS = ['head', 'tail', 'live'] as const;
const KEY_PREFIX: Record<End, string> = { head: 'h', tail: 't', live: 'l' };

/** The call ID an output answers when it is shown inside its call's row, else null. */
function foldKeyOf(item: ConversationItem): string | null {
  if (!foldsIntoCall(item.type)) return null;
  const pair = pairKey(item);
  return pair?.side === 'output' ? pair.key : null;
}

/**
 * Everything the view looks up about the loaded items, built once as pages arrive: positions by ID, tool-call
 * pairs and kinds; search text and token counts live in the text index, off the page's thread. Syncing with a
 * newer state only reads the pages it has not seen, so a conversation of 50,000 items costs each item once, not
 * once per page. Items that arrive later go into a third segment after the tail, so no row key ever changes.
 */
/** How far back `newestId` looks for an item with an ID when the newest has none. */
const NEWEST_ID_SEARCH = 1000;

export class TranscriptIndex {
  readonly head: ConversationItem[] = [];
  /** Newest first. */
  readonly tail: ConversationItem[] = [];
  /** Oldest first, all newer than the tail. */
  readonly live: ConversationItem[] = [];
  /**
   * Slots whose item a live update replaced, or whose item now pairs with another (an item loaded between a call and
   * its answer), in order: the text index and the run summary read them again.
   */
  readonly changedSlots: Slot[] = [];
  readonly kinds: Record<End, ItemKind[]> = { head: [], tail: [], live: [] };
  /** For an output shown inside its call's row, the call ID it answers; null for every other item. */
  private readonly foldKeys: Record<End, (string | null)[]> = { head: [], tail: [], live: [] };
  private readonly pairing = new SlotPairs((slot) => this.itemAt(slot), new Map());
  /** Each call with the output its row shows, and that output with it (see tool-pairs for which answers which). */
  readonly pairs: ToolPairs = this.pairing.pairs;
  /** What the filter and the run summary count (an output folded into its call counts with it). */
  readonly counts = emptyCounts();
  /** IDs of held items whose status is `in_progress`, oldest first. */
  readonly inProgress = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly slotById = new Map<string, Slot>();
  private readonly pagesSeen: Record<'head' | 'tail' | 'live', number> = { head: 0, tail: 0, live: 0 };
  /** Where each page of the head and tail starts, in the order read: the text index takes a page's text whole. */
  readonly pageStarts: Record<'head' | 'tail', { offset: number; page: readonly ConversationItem[] }[]> = { head: [], tail: [] };
  /** Items read of the first page of each end not read whole. */
  private readonly pageOffset: Record<'head' | 'tail', number> = { head: 0, tail: 0 };
  /** Outputs that are shown inside their call's row whenever the call is loaded. */
  foldableCount = 0;
  /** Items whose ID an earlier item already had; they are shown, and counted here. */
  duplicates = 0;
  complete = false;
  /** The last sync stopped before the end of the pages it was given. */
  behind = false;
  /** Changes whenever anything above does, for memoised views. */
  version = 0;
  /**
   * Outputs that were loaded before their call and are shown inside the call's row from when it arrived, in the
   * order that happened: a view that keeps its rows between versions takes them out.
   */
  readonly foldedLater: Slot[] = [];
  /** Changes when held items change in place or all go (a live update, a reset): views kept between versions start over. */
  epoch = 0;
  /** Counts the times the index started over: what reads it as it grows starts over too. */
  starts = 0;

  /**
   * Reads the pages of `state` not seen yet, then the live changes not applied yet. Returns false when `state` is
   * not a continuation of what it has. With `shouldStop`, it stops once that says so (asked after each item) and
   * `behind` tells that there is more to read: a long run's pages are read a slice per render, not all at once.
   */
  sync(state: StreamedItems, shouldStop?: () => boolean): boolean {
    const live = state.live ?? [];
    const partly = (end: 'head' | 'tail') => this.pagesSeen[end] + (this.pageOffset[end] > 0 ? 1 : 0);
    // A read started over (Live's Reload) may come back with as many pages: its first item is another (read again).
    const other = (end: 'head' | 'tail') => state[end].length < partly(end) || (this.pageStarts[end].length > 0 && state[end][0][0] !== this.pageStarts[end][0].page[0]);
    if (other('head') || other('tail') || live.length < this.pagesSeen.live) return false;
    let changed = false;
    this.behind = false;
    for (const end of ['head', 'tail'] as const) {
      const pages = state[end];
      for (; this.pagesSeen[end] < pages.length; this.pagesSeen[end] += 1, this.pageOffset[end] = 0) {
        const page = pages[this.pagesSeen[end]];
        for (; this.pageOffset[end] < page.length; this.pageOffset[end] += 1) {
          if (shouldStop?.()) {
            this.behind = true;
            if (changed) this.version += 1;
            return true;
          }
          if (this.pageOffset[end] === 0) this.pageStarts[end].push({ offset: this[end].length, page });
          this.add(end, page[this.pageOffset[end]]);
          changed = true;
        }
      }
    }
    changed ||= state.complete !== this.complete;
    this.complete = state.complete;
    // The ends have met: calls of the head now answer outputs of the tail (see SlotPairs).
    if (this.complete) this.followPairChanges(this.pairing.join());
    for (let batch = this.pagesSeen.live; batch < live.length; batch += 1) changed = this.applyChanges(live[batch]) || changed;
    this.pagesSeen.live = live.length;
    if (changed) this.version += 1;
    return true;
  }

  /** Whether every live change of `state` has been applied here: a poll compared with an index behind it would add again what the last one added. */
  hasAppliedLiveChanges(state: StreamedItems): boolean {
    return (state.live?.length ?? 0) <= this.pagesSeen.live;
  }

  /** Forgets everything, for a state that starts over. */
  reset() {
    for (const end of ENDS) {
      this[end].length = 0;
      this.kinds[end].length = 0;
      this.foldKeys[end].length = 0;
    }
    this.changedSlots.length = 0;
    this.foldedLater.length = 0;
    this.pageStarts.head.length = 0;
    this.pageStarts.tail.length = 0;
    this.epoch += 1;
    this.starts += 1;
    this.pagesSeen.head = 0;
    this.pagesSeen.tail = 0;
    this.pagesSeen.live = 0;
    this.pageOffset.head = 0;
    this.pageOffset.tail = 0;
    this.behind = false;
    this.pairing.clear();
    this.slotById.clear();
    this.inProgress.clear();
    this.removed.clear();
    Object.assign(this.counts, emptyCounts());
    this.duplicates = 0;
    this.foldableCount = 0;
    this.complete = false;
    this.version += 1;
  }

  /** Applies what one look at the newest end found; returns whether anything changed. */
  private applyChanges({ added, changed, removed }: LiveChanges): boolean {
    let touched = false;
    for (const item of changed) touched = this.replace(item) || touched;
    for (const id of removed) {
      if (!this.slotById.has(id) || this.removed.has(id)) continue;
      this.removed.add(id);
      this.inProgress.delete(id);
      touched = true;
    }
    for (const item of added) {
      this.add('live', item);
      touched = true;
    }
    return touched;
  }

  /** Items shown but gone upstream since they loaded. */
  get removedCount(): number {
    return this.removed.size;
  }

  isRemoved(id: unknown): boolean {
    return typeof id === 'string' && this.removed.has(id);
  }

  /** Puts a newer copy of a held item in its slot, keeping its row and key; its kind, text and pairing follow. */
  private replace(item: ConversationItem): boolean {
    const id = item.id;
    const slot = typeof id === 'string' ? this.slotById.get(id) : undefined;
    if (!slot || typeof id !== 'string') return false;
    const old = this.itemAt(slot);
    countItem(this.counts, old, this.isFolded(slot), -1);
    const oldPair = pairKey(old);
    const pair = pairKey(item);
    // The usual update (a status, an output's text) keeps the item's side and key: its pairs stay as they were.
    const samePairs = oldPair !== null && pair !== null && oldPair.side === pair.side && oldPair.key === pair.key;
    if (oldPair && !samePairs) this.pairing.remove(slot, oldPair.key);
    this[slot.end][slot.offset] = item;
    this.removed.delete(id);
    this.kinds[slot.end][slot.offset] = itemKind(item);
    this.foldKeys[slot.end][slot.offset] = foldKeyOf(item);
    let changes: readonly PairChange[];
    if (samePairs) changes = this.pairing.swap(slot, old);
    else {
      if (pair) this.pairing.insert(slot, pair.side, pair.key);
      changes = this.pairing.takeChanges();
    }
    countItem(this.counts, item, this.isFolded(slot));
    this.changedSlots.push(slot);
    this.epoch += 1;
    this.followPairChanges(changes, slot);
    this.trackStatus(item);
    if (!isUnderWay(item.status)) this.inProgress.delete(id);
    return true;
  }

  private add(end: End, item: ConversationItem) {
    const list = this[end];
    const id = typeof item.id === 'string' ? item.id : '';
    const slot: Slot = { end, offset: list.length };
    let first = false;
    if (id) {
      if (this.slotById.has(id)) this.duplicates += 1;
      else {
        this.slotById.set(id, slot);
        first = true;
      }
    }
    list.push(item);
    const kind = itemKind(item);
    this.kinds[end].push(kind);
    const pair = pairKey(item);
    const folds = pair?.side === 'output' && foldsIntoCall(item.type);
    this.foldKeys[end].push(folds ? pair.key : null);
    if (folds) this.foldableCount += 1;
    // An item with the ID of one before it is shown on its own: a link to that ID goes to the first.
    const changes = pair && (first || !id) ? this.pairing.add(slot, pair.side, pair.key) : [];
    countItem(this.counts, item, this.isFolded(slot));
    this.followPairChanges(changes, slot, item);
    if (first || !id) this.trackStatus(item);
  }

  /**
   * What follows when items already held pair otherwise: an output whose call has just arrived (a conversation read
   * newest first) folds into its row; any other change (an item loaded between a call and its answer, a live update)
   * is read again by the summary and the views start over. Counts follow whether each output is in its call's row.
   */
  private followPairChanges(changes: readonly PairChange[], added?: Slot, addedItem?: ConversationItem) {
    for (const { slot, before } of changes) {
      if (slot.end === added?.end && slot.offset === added.offset) continue;
      const item = this.itemAt(slot);
      const folded = this.isFolded(slot);
      const wasFolded = before !== undefined && this.foldKeys[slot.end][slot.offset] !== null;
      if (folded !== wasFolded) {
        countItem(this.counts, item, wasFolded, -1);
        countItem(this.counts, item, folded);
      }
      if (before === undefined && addedItem !== undefined && this.pairs.get(item) === addedItem) {
        if (folded) this.foldedLater.push(slot);
      } else {
        this.changedSlots.push(slot);
        this.epoch += 1;
      }
    }
  }

  /** Still under way, so live updates read it again until it is done. */
  private trackStatus(item: ConversationItem) {
    if (isUnderWay(item.status) && typeof item.id === 'string' && item.id) this.inProgress.add(item.id);
  }

  get itemCount(): number {
    return this.head.length + this.tail.length + this.live.length;
  }

  private get gapCount(): number {
    return this.complete ? 0 : 1;
  }

  /** Rows in oldest-first order: the head, a gap while the middle is missing, the tail, then later arrivals. */
  get rowCount(): number {
    return this.itemCount + this.gapCount;
  }

  get gapRow(): number | null {
    return this.complete ? null : this.head.length;
  }

  /**
   * The ID of the newest item held: undefined while the stream has not reached the newest end yet, null for a
   * conversation known to be empty.
   */
  get newestId(): string | null | undefined {
    const newest = this.live.at(-1) ?? this.tail[0] ?? (this.complete ? this.head.at(-1) : undefined);
    if (!newest) return this.complete ? null : undefined;
    if (typeof newest.id === 'string') return newest.id;
    // The newest item has no ID (the API gives every item one; a file or an odd upstream may not): the newest that
    // has one, among the last thousand, is where the newest end is read up to.
    return this.newestIds(1)[0];
  }

  /**
   * The IDs of the newest items held, newest first, at most `count`, among the last thousand items (none until the
   * stream has reached the newest end); with `present`, only of items not known to be gone upstream.
   */
  newestIds(count: number, { present = false } = {}): string[] {
    const { head, tail, live } = this;
    const ids: string[] = [];
    for (let back = 0; back < NEWEST_ID_SEARCH && ids.length < count; back += 1) {
      const item = back < live.length ? live[live.length - 1 - back] : back - live.length < tail.length ? tail[back - live.length] : this.complete ? head[head.length - 1 - (back - live.length - tail.length)] : undefined;
      if (!item) break;
      if (typeof item.id === 'string' && !(present && this.removed.has(item.id))) ids.push(item.id);
    }
    return ids;
  }

  /**
   * Points `slot` at the slot behind an oldest-first row and returns it, or returns null for the gap: the same as
   * `slotAt` without a new object per row, for walks over every row.
   */
  slotInto(row: number, slot: Slot): Slot | null {
    if (row < 0) return null;
    if (row < this.head.length) {
      slot.end = 'head';
      slot.offset = row;
      return slot;
    }
    let rest = row - this.head.length - this.gapCount;
    if (rest < 0) return null;
    if (rest < this.tail.length) {
      slot.end = 'tail';
      slot.offset = this.tail.length - 1 - rest;
      return slot;
    }
    rest -= this.tail.length;
    if (rest >= this.live.length) return null;
    slot.end = 'live';
    slot.offset = rest;
    return slot;
  }

  /** The slot behind an oldest-first row, or null for the gap. */
  slotAt(row: number): Slot | null {
    if (row < 0) return null;
    if (row < this.head.length) return { end: 'head', offset: row };
    let rest = row - this.head.length - this.gapCount;
    if (rest < 0) return null;
    if (rest < this.tail.length) return { end: 'tail', offset: this.tail.length - 1 - rest };
    rest -= this.tail.length;
    return rest < this.live.length ? { end: 'live', offset: rest } : null;
  }

  rowOf(slot: Slot): number {
    if (slot.end === 'head') return slot.offset;
    const tailStart = this.head.length + this.gapCount;
    return slot.end === 'tail' ? tailStart + this.tail.length - 1 - slot.offset : tailStart + this.tail.length + slot.offset;
  }

  itemAt(slot: Slot): ConversationItem {
    return this[slot.end][slot.offset];
  }

  /** The oldest-first row of the first item with this ID, or null when it has not loaded. */
  rowOfId(id: string): number | null {
    const slot = this.slotById.get(id);
    return slot ? this.rowOf(slot) : null;
  }

  /**
   * The call an output is shown with, when the output has no row of its own because the call it answers is loaded.
   * Only the output the call's row shows folds into it: another answer to the same call ID keeps its row.
   */
  foldedInto(slot: Slot): ConversationItem | null {
    return this.foldKeys[slot.end][slot.offset] === null ? null : (this.pairs.get(this.itemAt(slot)) ?? null);
  }

  /** Whether the item in a slot is shown inside its call's row: `foldedInto` without the call, for walks over every row. */
  isFolded(slot: Slot): boolean {
    return this.foldKeys[slot.end][slot.offset] !== null && this.pairs.has(this.itemAt(slot));
  }

  /** The row the reader sees an item in: a folded output's is its call's. */
  shownRow(row: number): number {
    const slot = this.slotAt(row);
    return slot ? this.shownRowOf(slot) : row;
  }

  /** `shownRow` of the item in a slot. */
  shownRowOf(slot: Slot): number {
    const call = this.foldedInto(slot);
    const callRow = call && typeof call.id === 'string' ? this.rowOfId(call.id) : null;
    return callRow ?? this.rowOf(slot);
  }

  /** Every held item, oldest first (the missing middle aside). */
  orderedItems(): ConversationItem[] {
    return [...this.head, ...[...this.tail].reverse(), ...this.live];
  }

  /**
   * The same key as `keyOf`, as a number and without allocating: the virtualiser asks for the key of every row
   * each time it lays the list out, 50,000 times on a long run.
   */
  keyAt(row: number): number {
    if (row < this.head.length) return row * 4;
    let rest = row - this.head.length - this.gapCount;
    if (rest < 0) return 3;
    if (rest < this.tail.length) return (this.tail.length - 1 - rest) * 4 + 1;
    rest -= this.tail.length;
    return rest * 4 + 2;
  }

  /** A key that stays the same for an item however many items arrive around it. */
  static keyOf(slot: Slot | null): string {
    return slot ? `${KEY_PREFIX[slot.end]}${slot.offset}` : 'gap';
  }
}
