import { foldsIntoCall } from '../../../shared/items/item-catalog';
import { outcomeOf } from '../../../shared/items/tool-outcome';
import { pairInOrder } from '../../../shared/items/tool-pairs';
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

/** The rows of a run, in order, as the transcript shows them: an output folds into the row of the call it answers (see tool-pairs). */
export function runUnits(items: readonly ConversationItem[]): RunUnit[] {
  const partners = pairInOrder(items);
  const units: RunUnit[] = [];
  items.forEach((item, index) => {
    const partner = partners[index];
    if (partner >= 0 && foldsIntoCall(item.type)) return;
    const output = partner >= 0 && foldsIntoCall(items[partner].type) ? partner : -1;
    units.push({ item: index, output, failed: failed(item, output === -1 ? undefined : items[output]) });
  });
  return units;
}
