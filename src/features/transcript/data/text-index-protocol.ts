import type { ConversationItem } from '../types';
import type { OpaqueData } from '../../../shared/items/token-labels';
import type { End, Slot } from './transcript-index';

export interface SlotItem extends Slot {
  item: ConversationItem;
}

/** An item too deep for a structured clone travels as its JSON text instead; parsing it has no depth limit. */
export interface SlotJson extends Slot {
  json: string;
}

/** A whole page as the lines it was parsed from (see page-text.ts): its items take the slots from `offset` on. */
export interface SlotLines extends Slot {
  lines: readonly string[];
}

export interface SlotTokens extends Slot {
  tokens: number;
  opaque: OpaqueData | null;
}

/** What the page sends the text index: items as they arrive (by slot, so a changed item replaces its slot), and queries. */
export type ToTextIndex =
  | { type: 'reset'; generation: number }
  | { type: 'items'; generation: number; entries: (SlotItem | SlotJson | SlotLines)[] }
  | { type: 'search'; generation: number; id: number; query: string }
  /** Token counting waits while pages still pour in, so it does not take a core from loading them. */
  | { type: 'counting'; generation: number; on: boolean };

/**
 * The offsets that match a query at each end, in order. Numbers in typed arrays, not an object per match: a short
 * query matches most of a long run, and the page's thread took tens of milliseconds to read 40,000 slot objects.
 */
export type MatchOffsets = Record<End, Uint32Array>;

/** Slots from match offsets, head first. */
export function slotsOfMatches(offsets: MatchOffsets): Slot[] {
  const slots: Slot[] = [];
  for (const end of ['head', 'tail', 'live'] as const) for (const offset of offsets[end]) slots.push({ end, offset });
  return slots;
}

export const NO_MATCHES: MatchOffsets = { head: new Uint32Array(0), tail: new Uint32Array(0), live: new Uint32Array(0) };

/** What it answers: token counts a batch at a time, and the offsets that match a query. */
export type FromTextIndex =
  | { type: 'tokens'; generation: number; entries: SlotTokens[] }
  | { type: 'matches'; generation: number; id: number; query: string; offsets: MatchOffsets }
  /** The tokenizer could not be loaded: nothing will be counted; searches still work. */
  | { type: 'tokenizer-failed'; generation: number; reason: string }
  /** The index itself could not be loaded (on the page, after its worker failed): nothing is counted or searched. */
  | { type: 'index-failed'; generation: number; reason: string };
