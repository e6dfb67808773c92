import type { ConversationItem } from '../types';
import type { Slot } from './transcript-index';

type Side = 'call' | 'output';

/** A slot whose partner changed, and the partner it had before. */
export interface PairChange {
  slot: Slot;
  before: ConversationItem | undefined;
}

/**
 * One key's calls and outputs, kept as the rule in tool-pairs pairs them (an output answers the nearest open call
 * before it) while the head grows at its end and the tail at its start. Within the head and within the rest (tail and
 * live items) pairs never change; what neither answers is kept here. Once the two ends have met, the head's open
 * calls answer the rest's open outputs, the nearest first. Before, the items between them are not loaded, so no call
 * of the head is taken to answer an output of the tail: a guess across the gap would be redrawn at every item that
 * arrives, a whole key's pairs each time when a hostile run reuses one call ID thousands of times.
 */
interface KeyState {
  slots: Slot[];
  /** Calls in the head no output in the head answers, oldest first. */
  headOpen: Slot[] | null;
  /** Outputs in the tail and live items that no call there answers, NEWEST first (the tail grows at its start). */
  restUnanswered: Slot[] | null;
  /** Calls in the tail and live items that no output there answers, NEWEST first. */
  restOpen: Slot[] | null;
}

const RANK = { head: 0, tail: 1, live: 2 } as const;
/** A slot as one number: Map lookups by number cost less than by a string made for each. */
const slotKey = (slot: Slot) => slot.offset * 3 + RANK[slot.end];
const NO_CHANGES: readonly PairChange[] = [];

/** Conversation order: the head, then the tail (its offsets count back from the newest), then later arrivals. */
function compareSlots(a: Slot, b: Slot): number {
  if (a.end !== b.end) return RANK[a.end] - RANK[b.end];
  return a.end === 'tail' ? b.offset - a.offset : a.offset - b.offset;
}

/** Calls and outputs of the transcript index, paired by slot as the items load; `pairs` holds the same by item. */
export class SlotPairs {
  private readonly keys = new Map<string, KeyState>();
  private readonly partnerSlot = new Map<number, Slot>();
  private readonly sideOf = new Map<number, Side>();
  private readonly changes = new Map<number, PairChange>();
  /** The head and the rest have met: nothing lies between them. */
  private joined = false;

  constructor(
    private readonly itemAt: (slot: Slot) => ConversationItem,
    readonly pairs: Map<ConversationItem, ConversationItem>,
  ) {}

  clear(): void {
    this.keys.clear();
    this.partnerSlot.clear();
    this.sideOf.clear();
    this.pairs.clear();
    this.changes.clear();
    this.joined = false;
  }

  /** The two ends have met: the head's open calls answer the rest's open outputs. See `takeChanges`. */
  join(): readonly PairChange[] {
    if (this.joined) return NO_CHANGES;
    this.joined = true;
    for (const state of this.keys.values()) this.linkAcross(state);
    return this.takeChanges();
  }

  /** Pairs an item that just loaded at the end of the head, the start of the tail, or after the live items. */
  add(slot: Slot, side: Side, key: string): readonly PairChange[] {
    const state = this.stateOf(key);
    state.slots.push(slot);
    this.sideOf.set(slotKey(slot), side);
    if (this.joined && slot.end === 'live') {
      this.addLiveJoined(state, slot, side);
      return this.takeChanges();
    }
    if (this.joined) this.unlinkAcross(state);
    if (slot.end === 'head') this.addToHead(state, slot, side);
    else if (slot.end === 'tail') this.addBeforeRest(state, slot, side);
    else this.addAfterRest(state, slot, side);
    if (this.joined) this.linkAcross(state);
    return this.takeChanges();
  }

  /**
   * A live item once the ends have met: it leaves the pairs across the two ends as they are (a call waits, an output
   * answers the newest open call after the head), save that an output no later call answers may take the newest head
   * call still free. Redrawing every cross pair of its key for each live item cost a hostile run's thousands of
   * pairs per item.
   */
  private addLiveJoined(state: KeyState, slot: Slot, side: Side) {
    const unansweredBefore = state.restUnanswered?.length ?? 0;
    this.addAfterRest(state, slot, side);
    const unanswered = state.restUnanswered?.length ?? 0;
    const headOpen = state.headOpen;
    // The new output is the newest unanswered one, the last of the cross pairs: it takes the head call that pairs with it.
    if (unanswered > unansweredBefore && headOpen && headOpen.length >= unanswered) this.link(headOpen[headOpen.length - unanswered], slot);
  }

  /**
   * The item in a slot was replaced by a newer copy on the same side of the same key: the pairs stay as they are,
   * held by the new item. Its partner's row changes (it shows the new copy); see `takeChanges`.
   */
  swap(slot: Slot, old: ConversationItem): readonly PairChange[] {
    const partner = this.partnerSlot.get(slotKey(slot));
    if (!partner) return NO_CHANGES;
    const item = this.itemAt(slot);
    const other = this.itemAt(partner);
    this.pairs.delete(old);
    this.pairs.set(item, other);
    this.pairs.set(other, item);
    return [{ slot: partner, before: old }];
  }

  /** Takes a slot out of its key (its item is about to be replaced), pairing what is left again; see `takeChanges`. */
  remove(slot: Slot, key: string): void {
    const state = this.keys.get(key);
    if (state) {
      state.slots = state.slots.filter((other) => slotKey(other) !== slotKey(slot));
      this.rebuild(key, state);
    }
    this.sideOf.delete(slotKey(slot));
  }

  /** Puts a slot anywhere in its key (the item that replaced one), pairing the key again; see `takeChanges`. */
  insert(slot: Slot, side: Side, key: string): void {
    const state = this.stateOf(key);
    state.slots.push(slot);
    this.sideOf.set(slotKey(slot), side);
    this.rebuild(key, state);
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      // The lists come when first needed: a run's keys are mostly one call and its output, at one end.
      state = { slots: [], headOpen: null, restUnanswered: null, restOpen: null };
      this.keys.set(key, state);
    }
    return state;
  }

  /** Pairs a key's slots again from the start: the head oldest first, the rest newest first (as the tail loads). */
  private rebuild(key: string, state: KeyState) {
    for (const slot of state.slots) this.unlink(slot);
    state.headOpen = null;
    state.restUnanswered = null;
    state.restOpen = null;
    if (state.slots.length === 0) {
      this.keys.delete(key);
      return;
    }
    state.slots.sort(compareSlots);
    for (const slot of state.slots) if (slot.end === 'head') this.addToHead(state, slot, this.sideOf.get(slotKey(slot))!);
    for (let i = state.slots.length - 1; i >= 0 && state.slots[i].end !== 'head'; i -= 1) this.addBeforeRest(state, state.slots[i], this.sideOf.get(slotKey(state.slots[i]))!);
    this.linkAcross(state);
  }

  private addToHead(state: KeyState, slot: Slot, side: Side) {
    if (side === 'call') (state.headOpen ??= []).push(slot);
    else if (state.headOpen?.length) this.link(state.headOpen.pop()!, slot);
  }

  /** An item older than the rest's: an output waits for a call before it; a call answers the oldest waiting output. */
  private addBeforeRest(state: KeyState, slot: Slot, side: Side) {
    if (side === 'output') (state.restUnanswered ??= []).push(slot);
    else if (state.restUnanswered?.length) this.link(slot, state.restUnanswered.pop()!);
    else (state.restOpen ??= []).push(slot);
  }

  /** An item newer than the rest's (a live one): a call waits; an output answers the newest open call. */
  private addAfterRest(state: KeyState, slot: Slot, side: Side) {
    if (side === 'call') (state.restOpen ??= []).unshift(slot);
    else if (state.restOpen?.length) this.link(state.restOpen.shift()!, slot);
    else (state.restUnanswered ??= []).unshift(slot);
  }

  /** Once the ends have met, the head's open calls answer the rest's open outputs: the newest call the oldest output, and so on. */
  private acrossPairs(state: KeyState, visit: (call: Slot, output: Slot) => void) {
    if (!this.joined) return;
    const { headOpen, restUnanswered } = state;
    if (!headOpen || !restUnanswered) return;
    const count = Math.min(headOpen.length, restUnanswered.length);
    for (let i = 0; i < count; i += 1) visit(headOpen[headOpen.length - 1 - i], restUnanswered[restUnanswered.length - 1 - i]);
  }

  private unlinkAcross(state: KeyState) {
    this.acrossPairs(state, (call, output) => {
      this.unlink(call);
      this.unlink(output);
    });
  }

  private linkAcross(state: KeyState) {
    this.acrossPairs(state, (call, output) => this.link(call, output));
  }

  private note(slot: Slot) {
    const key = slotKey(slot);
    if (this.changes.has(key)) return;
    const partner = this.partnerSlot.get(key);
    this.changes.set(key, { slot, before: partner ? this.itemAt(partner) : undefined });
  }

  private link(call: Slot, output: Slot) {
    this.note(call);
    this.note(output);
    this.partnerSlot.set(slotKey(call), output);
    this.partnerSlot.set(slotKey(output), call);
    this.pairs.set(this.itemAt(call), this.itemAt(output));
    this.pairs.set(this.itemAt(output), this.itemAt(call));
  }

  private unlink(slot: Slot) {
    const partner = this.partnerSlot.get(slotKey(slot));
    if (!partner) return;
    this.note(slot);
    this.note(partner);
    this.partnerSlot.delete(slotKey(slot));
    this.partnerSlot.delete(slotKey(partner));
    this.pairs.delete(this.itemAt(slot));
    this.pairs.delete(this.itemAt(partner));
  }

  /** The slots whose partner is now another than before the last `add`, or the `remove` and `insert` since (their own included). */
  takeChanges(): readonly PairChange[] {
    if (this.changes.size === 0) return NO_CHANGES;
    const changed: PairChange[] = [];
    for (const change of this.changes.values()) if (this.pairs.get(this.itemAt(change.slot)) !== change.before) changed.push(change);
    this.changes.clear();
    return changed;
  }
}
