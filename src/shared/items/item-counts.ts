import { catalogEntry, foldsIntoCall, itemKind, pairKey, type ItemKind } from './item-catalog.ts';
import { compareText, formatCount } from '../format.ts';

type ConversationItem = { type: string; id?: string; [field: string]: unknown };

/**
 * The one definition of what the viewer, its summary, Compare and the exports count: one per row the reader sees. An
 * answer shown in its call's row (`paired`: the call is there and it is the answer the call's row shows) counts with
 * the call, as a call and its output are one tool call; an answer whose call is not there (not loaded, deleted, left
 * out) still stands for a tool call, and counts once, as does everything else, under its kind.
 */
export function countedKind(item: ConversationItem, paired: boolean): ItemKind | null {
  return paired && foldsIntoCall(item.type) && pairKey(item)?.side === 'output' ? null : itemKind(item);
}

/** What an item is called in the counts: a tool call by its function or MCP tool name, anything else by its catalog label. */
export function countedName(item: ConversationItem): string {
  if (item.type === 'message') return typeof item.role === 'string' && item.role ? item.role.slice(0, 40) : 'unknown';
  const name = typeof item.name === 'string' && item.name ? item.name.slice(0, 60) : null;
  if (name && itemKind(item) === 'tools') return name;
  return catalogEntry(item.type)?.label ?? (item.type.slice(0, 60) || 'Item');
}

export interface ItemCounts {
  byKind: Record<ItemKind, number>;
  /** Per kind, how many of each name (role, tool, label). */
  byName: Record<ItemKind, Map<string, number>>;
}

export function emptyCounts(): ItemCounts {
  return {
    byKind: { messages: 0, tools: 0, reasoning: 0, other: 0 },
    byName: { messages: new Map(), tools: new Map(), reasoning: new Map(), other: new Map() },
  };
}

/** Adds (1) or takes away (-1) one item; `paired` as `countedKind` takes it. */
export function countItem(counts: ItemCounts, item: ConversationItem, paired: boolean, delta: 1 | -1 = 1): void {
  const kind = countedKind(item, paired);
  if (kind === null) return;
  counts.byKind[kind] += delta;
  const names = counts.byName[kind];
  const name = countedName(item);
  const next = (names.get(name) ?? 0) + delta;
  if (next > 0) names.set(name, next);
  else names.delete(name);
}

/** A turn starts at each user message; whatever comes before the first (system and developer messages) is turn 0. */
export function startsTurn(item: ConversationItem): boolean {
  return item.type === 'message' && item.role === 'user';
}

/** The turn of each item, oldest first: 0 before the first user message, then 1, 2, … */
export function turnNumbers(items: readonly ConversationItem[]): number[] {
  let turn = 0;
  return items.map((item) => (startsTurn(item) ? (turn += 1) : turn));
}

/** A kind's names, the most counted first (then alphabetically). */
export function byCount(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
}

/** "4 (3 Reasoning, 1 Compaction)", or just "4" when every item has the same name. */
export function breakdown(total: number, names: [string, number][]): string {
  return names.length > 1 ? `${formatCount(total)} (${names.map(([name, count]) => `${formatCount(count)} ${name}`).join(', ')})` : formatCount(total);
}
