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
 * live items) pairs never change; what neither answers is kept here, and the head's open calls answer the rest's
 * open outputs, the nearest first.
 */
interface KeyState {
  slots: Slot[];
  /** Calls in the head no output in the head answers, oldest first. */
  headOpen: Slot[];
  /** Outputs in the tail and live items that no call there answers, oldest first. */
  restUnanswered: Slot[];
  /** Calls in the tail and live items that no output there answers, oldest first. */
  restOpen: Slot[];
}

const slotKey = (slot: Slot) => `${slot.end}${slot.offset}`;
const NO_CHANGES: readonly PairChange[] = [];
const RANK = { head: 0, tail: 1, live: 2 } as const;

/** Conversation order: the head, then the tail (its offsets count back from the newest), then later arrivals. */
function compareSlots(a: Slot, b: Slot): number {
  if (a.end !== b.end) return RANK[a.end] - RANK[b.end];
  return a.end === 'tail' ? b.offset - a.offset : a.offset - b.offset;
}

/** Calls and outputs of the transcript index, paired by slot as the items load; `pairs` holds the same by item. */
export class SlotPairs {
  private readonly keys = new Map<string, KeyState>();
  private readonly partnerSlot = new Map<string, Slot>();
  private readonly sideOf = new Map<string, Side>();
  private readonly changes = new Map<string, PairChange>();

  constructor(
    private readonly itemAt: (slot: Slot) => ConversationItem,
    readonly pairs: Map<ConversationItem, ConversationItem>,
  ) {}

  clear(): void {
    this.keys.clear();
    this.partnerSlot.clear();
    this.sideOf.clear();
    this.pairs.clear();
  }

  /** Pairs an item that just loaded at the end of the head, the start of the tail, or after the live items. */
  add(slot: Slot, side: Side, key: string): readonly PairChange[] {
    const state = this.stateOf(key);
    state.slots.push(slot);
    this.sideOf.set(slotKey(slot), side);
    this.unlinkAcross(state);
    if (slot.end === 'head') this.addToHead(state, slot, side);
    else if (slot.end === 'tail') this.addBeforeRest(state, slot, side);
    else this.addAfterRest(state, slot, side);
    this.linkAcross(state);
    return this.takeChanges();
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
      state = { slots: [], headOpen: [], restUnanswered: [], restOpen: [] };
      this.keys.set(key, state);
    }
    return state;
  }

  private rebuild(key: string, state: KeyState) {
    for (const slot of state.slots) this.unlink(slot);
    state.headOpen = [];
    state.restUnanswered = [];
    state.restOpen = [];
    if (state.slots.length === 0) {
      this.keys.delete(key);
      return;
    }
    state.slots.sort(compareSlots);
    for (const slot of state.slots) {
      const side = this.sideOf.get(slotKey(slot))!;
      if (slot.end === 'head') this.addToHead(state, slot, side);
      else this.addAfterRest(state, slot, side);
    }
    this.linkAcross(state);
  }

  private addToHead(state: KeyState, slot: Slot, side: Side) {
    if (side === 'call') state.headOpen.push(slot);
    else if (state.headOpen.length > 0) this.link(state.headOpen.pop()!, slot);
  }

  private addBeforeRest(state: KeyState, slot: Slot, side: Side) {
    if (side === 'output') state.restUnanswered.unshift(slot);
    else if (state.restUnanswered.length > 0) this.link(slot, state.restUnanswered.shift()!);
    else state.restOpen.unshift(slot);
  }

  private addAfterRest(state: KeyState, slot: Slot, side: Side) {
    if (side === 'call') state.restOpen.push(slot);
    else if (state.restOpen.length > 0) this.link(state.restOpen.pop()!, slot);
    else state.restUnanswered.push(slot);
  }

  /** The head's open calls answer the rest's unanswered outputs: the newest call the oldest output, and so on. */
  private acrossPairs(state: KeyState, visit: (call: Slot, output: Slot) => void) {
    const count = Math.min(state.headOpen.length, state.restUnanswered.length);
    for (let i = 0; i < count; i += 1) visit(state.headOpen[state.headOpen.length - 1 - i], state.restUnanswered[i]);
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
    const changed = [...this.changes.values()].filter(({ slot, before }) => this.pairs.get(this.itemAt(slot)) !== before);
    this.changes.clear();
    return changed;
  }
}
