import { itemKind, type ItemKind } from '../lib/item-filter';
import { pairKey, type ToolPairs } from '../lib/pair-tool-calls';
import type { ConversationItem } from '../types';
import { searchableText } from './searchable-text';
import type { StreamedItems } from './streamed-items';

export type End = 'head' | 'tail';

interface Slot {
  end: End;
  /** From the first item for the head, from the last item for the tail. */
  offset: number;
}

/**
 * Everything the view looks up about the loaded items, built once as pages arrive: positions by ID, tool-call
 * pairs, kinds and search text. Syncing with a newer state only reads the pages it has not seen, so a
 * conversation of 50,000 items costs each item once, not once per page.
 */
export class TranscriptIndex {
  readonly head: ConversationItem[] = [];
  /** Newest first. */
  readonly tail: ConversationItem[] = [];
  readonly texts: Record<End, string[]> = { head: [], tail: [] };
  readonly kinds: Record<End, ItemKind[]> = { head: [], tail: [] };
  readonly pairs: ToolPairs = { outputByCallId: new Map(), callByCallId: new Map() };
  readonly kindCounts: Record<ItemKind, number> = { messages: 0, tools: 0, reasoning: 0, other: 0 };
  private readonly slotById = new Map<string, Slot>();
  private readonly pagesSeen: Record<End, number> = { head: 0, tail: 0 };
  /** Items whose ID an earlier item already had; they are shown, and counted here. */
  duplicates = 0;
  complete = false;
  /** Changes whenever anything above does, for memoised views. */
  version = 0;

  /** Reads the pages of `state` not seen yet. Returns false when `state` is not a continuation of what it has. */
  sync(state: StreamedItems): boolean {
    if (state.head.length < this.pagesSeen.head || state.tail.length < this.pagesSeen.tail) return false;
    let changed = state.complete !== this.complete;
    for (const end of ['head', 'tail'] as const) {
      const pages = state[end];
      for (let p = this.pagesSeen[end]; p < pages.length; p += 1) {
        for (const item of pages[p]) this.add(end, item);
        changed = true;
      }
      this.pagesSeen[end] = pages.length;
    }
    this.complete = state.complete;
    if (changed) this.version += 1;
    return true;
  }

  /** Forgets everything, for a state that starts over. */
  reset() {
    for (const end of ['head', 'tail'] as const) {
      this[end].length = 0;
      this.texts[end].length = 0;
      this.kinds[end].length = 0;
      this.pagesSeen[end] = 0;
    }
    this.pairs.outputByCallId.clear();
    this.pairs.callByCallId.clear();
    this.slotById.clear();
    for (const kind of Object.keys(this.kindCounts) as ItemKind[]) this.kindCounts[kind] = 0;
    this.duplicates = 0;
    this.complete = false;
    this.version += 1;
  }

  private add(end: End, item: ConversationItem) {
    const list = this[end];
    const id = typeof item.id === 'string' ? item.id : '';
    if (id) {
      if (this.slotById.has(id)) this.duplicates += 1;
      else this.slotById.set(id, { end, offset: list.length });
    }
    list.push(item);
    const kind = itemKind(item);
    this.kinds[end].push(kind);
    this.kindCounts[kind] += 1;
    this.texts[end].push(searchableText(item));
    const pair = pairKey(item);
    if (pair) {
      const target = pair.side === 'output' ? this.pairs.outputByCallId : this.pairs.callByCallId;
      if (!target.has(pair.key)) target.set(pair.key, item);
    }
  }

  get itemCount(): number {
    return this.head.length + this.tail.length;
  }

  /** Rows in oldest-first order: the head, a gap while the middle is missing, then the tail. */
  get rowCount(): number {
    return this.itemCount + (this.complete ? 0 : 1);
  }

  get gapRow(): number | null {
    return this.complete ? null : this.head.length;
  }

  /** The slot behind an oldest-first row, or null for the gap. */
  slotAt(row: number): Slot | null {
    if (row < this.head.length) return { end: 'head', offset: row };
    const fromEnd = this.rowCount - 1 - row;
    return fromEnd >= 0 && fromEnd < this.tail.length ? { end: 'tail', offset: fromEnd } : null;
  }

  rowOf(slot: Slot): number {
    return slot.end === 'head' ? slot.offset : this.rowCount - 1 - slot.offset;
  }

  itemAt(slot: Slot): ConversationItem {
    return this[slot.end][slot.offset];
  }

  /** The oldest-first row of the first item with this ID, or null when it has not loaded. */
  rowOfId(id: string): number | null {
    const slot = this.slotById.get(id);
    return slot ? this.rowOf(slot) : null;
  }

  /** A key that stays the same for an item however many items arrive around it. */
  static keyOf(slot: Slot | null): string {
    return slot ? `${slot.end === 'head' ? 'h' : 't'}${slot.offset}` : 'gap';
  }
}
