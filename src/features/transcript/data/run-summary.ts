import { foldsIntoCall, itemKind, pairKey } from '../../../shared/items/item-catalog';
import { countedName, startsTurn } from '../../../shared/items/item-counts';
import { messageText } from '../../../shared/items/display-text';
import { outcomeOf } from '../../../shared/items/tool-summary';
import type { ConversationItem } from '../types';
import type { End, TranscriptIndex } from './transcript-index';

type Slot = { end: End; offset: number };

/**
 * What a run did beyond its counts (which the index keeps, by the shared definition), kept up to date as pages
 * arrive: its title, where turns start and where the failures are. Each item is read once; a reset index starts it over.
 */
export class RunSummary {
  /** Items (or calls, with their output) that failed or are incomplete. */
  private readonly failed = new Map<string, Slot>();
  private readonly seen: Record<End, number> = { head: 0, tail: 0, live: 0 };
  /** How many of the index's live changes (items replaced in place) have been read. */
  private changesSeen = 0;
  private starts = 0;
  private firstUserHead: string | null = null;
  private oldestUserTail: string | null = null;
  /** Offsets of user messages in each end, in the order they arrived. */
  private userOffsets: Record<End, number[]> = { head: [], tail: [], live: [] };
  /** Where each tool's calls are, by the name the counts give them (a function's name, else the item type's label). */
  private readonly toolSlots = new Map<string, Slot[]>();
  version = -1;

  /** The last sync stopped before it had read every item of the index. */
  behind = false;

  /** Reads the items of the index not read yet; with `shouldStop`, only until that says so (asked after each item). */
  sync(index: TranscriptIndex, shouldStop?: () => boolean): void {
    if (index.version === this.version) return;
    if (index.starts !== this.starts || index.head.length < this.seen.head || index.tail.length < this.seen.tail || index.live.length < this.seen.live || index.changedSlots.length < this.changesSeen) this.reset();
    this.starts = index.starts;
    this.behind = false;
    for (const end of ['head', 'tail', 'live'] as const) {
      const list = index[end];
      for (; this.seen[end] < list.length; this.seen[end] += 1) {
        if (shouldStop?.()) {
          this.behind = true;
          return;
        }
        this.add(index, { end, offset: this.seen[end] }, list[this.seen[end]]);
      }
    }
    // An item a live update replaced is judged again: an answer in progress that ended incomplete, a failure retried.
    for (; this.changesSeen < index.changedSlots.length; this.changesSeen += 1) {
      if (shouldStop?.()) {
        this.behind = true;
        return;
      }
      const slot = index.changedSlots[this.changesSeen];
      this.recheck(index, slot, index[slot.end][slot.offset]);
    }
    this.version = index.version;
  }

  private recheck(index: TranscriptIndex, slot: Slot, item: ConversationItem | undefined) {
    if (!item) return;
    this.failed.delete(typeof item.id === 'string' ? item.id : `${slot.end}${slot.offset}`);
    const call = pairKey(item)?.side === 'output' ? index.pairs.get(item) : undefined;
    if (call && typeof call.id === 'string') this.failed.delete(call.id);
    this.checkFailure(index, slot, item);
  }

  private reset() {
    this.failed.clear();
    this.seen.head = 0;
    this.seen.tail = 0;
    this.seen.live = 0;
    this.changesSeen = 0;
    this.firstUserHead = null;
    this.oldestUserTail = null;
    this.userOffsets = { head: [], tail: [], live: [] };
    this.toolSlots.clear();
  }

  private add(index: TranscriptIndex, slot: Slot, item: ConversationItem) {
    // Every call and output, by the name the counts give it: an output in its call's row is left out when asked.
    if (itemKind(item) === 'tools') {
      const name = countedName(item);
      const slots = this.toolSlots.get(name);
      if (slots) slots.push(slot);
      else this.toolSlots.set(name, [slot]);
    }
    if (startsTurn(item)) {
      this.userOffsets[slot.end].push(slot.offset);
      if (slot.end === 'head') this.firstUserHead ??= messageText(item);
      else if (slot.end === 'tail') this.oldestUserTail = messageText(item);
    }
    this.checkFailure(index, slot, item);
  }

  /** A call is judged with its output, whichever arrives second; the failure sits on the row the reader sees. */
  private checkFailure(index: TranscriptIndex, slot: Slot, item: ConversationItem) {
    const pair = pairKey(item);
    const id = typeof item.id === 'string' ? item.id : `${slot.end}${slot.offset}`;
    if (pair?.side === 'output' && foldsIntoCall(item.type)) {
      const call = index.pairs.get(item);
      const callId = call && typeof call.id === 'string' ? call.id : null;
      const callRow = callId ? index.rowOfId(callId) : null;
      const callSlot = callRow === null ? null : index.slotAt(callRow);
      // Only the answer the call's row shows is judged with it; another answer to the same call ID has a row of its own.
      if (call && callId && callSlot) {
        if (outcomeOf(call, item)?.failed) this.failed.set(callId, callSlot);
        return;
      }
      if (outcomeOf(item, item)?.failed) this.failed.set(id, slot);
      return;
    }
    const partner = pair?.side === 'call' ? index.pairs.get(item) : undefined;
    if (partner && typeof partner.id === 'string') this.failed.delete(partner.id);
    const failed = item.type === 'message' ? item.status === 'incomplete' || item.status === 'failed' : outcomeOf(item, partner)?.failed;
    if (failed) this.failed.set(id, slot);
  }

  get title(): string | null {
    return this.firstUserHead ?? this.oldestUserTail;
  }

  /** Oldest-first rows of the failures, in order. */
  failureRows(index: TranscriptIndex): number[] {
    return [...new Set([...this.failed.values()].map((slot) => index.shownRow(index.rowOf(slot))))].sort((a, b) => a - b);
  }

  /** Oldest-first rows of one tool's calls (and of its outputs whose call is not there), by the name the counts give it. */
  toolRows(index: TranscriptIndex, name: string): number[] {
    const slots = (this.toolSlots.get(name) ?? []).filter((slot) => !index.isFolded(slot));
    return [...new Set(slots.map((slot) => index.rowOf(slot)))].sort((a, b) => a - b);
  }

  /** Oldest-first rows where a turn starts (each user message); each end is in order already, the tail backwards. */
  turnRows(index: TranscriptIndex): number[] {
    const { head, tail, live } = this.userOffsets;
    const rows = new Array<number>(head.length + tail.length + live.length);
    let i = 0;
    for (const offset of head) rows[i++] = index.rowOf({ end: 'head', offset });
    for (let t = tail.length - 1; t >= 0; t -= 1) rows[i++] = index.rowOf({ end: 'tail', offset: tail[t] });
    for (const offset of live) rows[i++] = index.rowOf({ end: 'live', offset });
    return rows;
  }
}

