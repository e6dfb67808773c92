import { useMemo, useState } from 'react';
import type { Slot, TranscriptIndex } from '../data/transcript-index';
import type { ItemKind } from '../lib/item-filter';

/**
 * How many of the live arrivals `from`..`to` the list shows as rows of their own, whether or not their turn is
 * folded: the kind filter (or Failures only, one tool's calls) hides the others, and an output shown in its call's
 * row counts with the call, once.
 */
export function countShownArrivals(index: TranscriptIndex, from: number, to: number, hidden: ReadonlySet<ItemKind>, only: ReadonlySet<number> | null): number {
  const slot: Slot = { end: 'live', offset: 0 };
  let shown = 0;
  for (let offset = from; offset < Math.min(to, index.live.length); offset += 1) {
    slot.offset = offset;
    if (only ? !only.has(index.rowOf(slot)) : hidden.has(index.kinds.live[offset])) continue;
    if (!index.isFolded(slot)) shown += 1;
  }
  return shown;
}

/**
 * How many items arrived while the reader was away from the newest end, of those the list shows. Seen means: the
 * reader was at the newest end when they arrived, or has been there since.
 */
export function useUnseenItems(
  index: TranscriptIndex,
  version: number,
  atNewestEnd: boolean,
  hidden: ReadonlySet<ItemKind>,
  only: ReadonlySet<number> | null,
): { unseen: number; markSeen: () => void } {
  const arrived = index.live.length;
  const [seen, setSeen] = useState(arrived);
  // Fewer than seen: the transcript started over.
  if ((atNewestEnd && seen !== arrived) || arrived < seen) setSeen(arrived);
  // `version` stands for the index, which changes in place as items arrive.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const unseen = useMemo(() => countShownArrivals(index, seen, arrived, hidden, only), [index, version, seen, arrived, hidden, only]);
  return { unseen: atNewestEnd ? 0 : unseen, markSeen: () => setSeen(arrived) };
}
