import { ShareFilter, type ContentCategory } from '../../../shared/snapshots/share-filter';
import type { ConversationItem } from '../../transcript/types';
import type { Alignment } from './align-runs';

/** Whole items a snapshot left out, by role (system and developer messages) or by type. */
export interface ItemsLeftOut {
  roles: readonly string[];
  types: readonly string[];
}

const NO_ITEMS: ItemsLeftOut = { roles: [], types: [] };

/** One run less what is left out, and where each item kept was in the run. */
interface Kept {
  items: ConversationItem[];
  at: number[];
}

function keep(items: readonly ConversationItem[], filter: ShareFilter): Kept {
  const kept: Kept = { items: [], at: [] };
  items.forEach((item, at) => {
    const shared = filter.item(item) as ConversationItem | null;
    if (!shared) return;
    kept.items.push(shared);
    kept.at.push(at);
  });
  return kept;
}

/**
 * Aligns both runs less what either side's snapshot left out of them (tool outputs, reasoning, …, and whole items such
 * as system and developer messages), so that it counts as no difference: a snapshot without tool outputs holds no
 * output items, and the other run's are set aside too. The items given are changed in place (the align worker's own
 * copies); the alignment's units point at the runs' items as given, by position.
 */
export function alignOnCommonGround(a: readonly ConversationItem[], b: readonly ConversationItem[], leftOut: readonly ContentCategory[], align: (a: readonly ConversationItem[], b: readonly ConversationItem[]) => Alignment, items: ItemsLeftOut = NO_ITEMS): Alignment {
  if (leftOut.length === 0 && items.roles.length === 0 && items.types.length === 0) return align(a, b);
  const exclude = { content: leftOut, roles: items.roles, types: items.types };
  const keptA = keep(a, new ShareFilter({ exclude }));
  const keptB = keep(b, new ShareFilter({ exclude }));
  const alignment = align(keptA.items, keptB.items);
  const back = (kept: Kept) => (unit: Alignment['unitsA'][number]) => ({ ...unit, item: kept.at[unit.item], output: unit.output >= 0 ? kept.at[unit.output] : -1 });
  return { ...alignment, unitsA: alignment.unitsA.map(back(keptA)), unitsB: alignment.unitsB.map(back(keptB)) };
}
