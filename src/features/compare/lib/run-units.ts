import { foldsIntoCall, pairKey } from '../../../shared/items/item-catalog';
import { outcomeOf } from '../../../shared/items/tool-outcome';
import type { ConversationItem } from '../../transcript/types';

/** One row of a run as the transcript shows it: an item, and for a call the output folded into its row. */
export interface RunUnit {
  /** Index of the item in the run. */
  item: number;
  /** Index of its output, or -1. */
  output: number;
  /** The item (or the call with its output) failed or is incomplete. */
  failed: boolean;
}

function failed(item: ConversationItem, output: ConversationItem | undefined): boolean {
  if (item.type === 'message') return item.status === 'incomplete' || item.status === 'failed';
  return outcomeOf(item, output)?.failed ?? false;
}

/** The rows of a run, in order: an output whose call came earlier folds into the call's row. */
export function runUnits(items: readonly ConversationItem[]): RunUnit[] {
  const outputOf = new Map<string, number>();
  const calls = new Set<string>();
  items.forEach((item, index) => {
    const pair = pairKey(item);
    if (!pair) return;
    if (pair.side === 'output' && foldsIntoCall(item.type) && !outputOf.has(pair.key)) outputOf.set(pair.key, index);
    if (pair.side === 'call') calls.add(pair.key);
  });
  const units: RunUnit[] = [];
  items.forEach((item, index) => {
    const pair = pairKey(item);
    if (pair?.side === 'output' && calls.has(pair.key) && outputOf.get(pair.key) === index) return;
    const output = pair?.side === 'call' ? (outputOf.get(pair.key) ?? -1) : -1;
    units.push({ item: index, output, failed: failed(item, output === -1 ? undefined : items[output]) });
  });
  return units;
}
