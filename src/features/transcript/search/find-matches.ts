import type { Slot, TranscriptIndex } from '../data/transcript-index';
import { pairKey } from '../lib/pair-tool-calls';

/**
 * The oldest-first rows whose item contains `query` (case-insensitive), in order. An output shown inside its
 * call counts as a match of the call's row, so stepping to it lands on the call with its output, not a stub.
 */
export function findMatches(index: TranscriptIndex, query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const rows = new Set<number>();
  for (const end of ['head', 'tail', 'live'] as const) {
    const texts = index.texts[end];
    for (let offset = 0; offset < texts.length; offset += 1) {
      if (!texts[offset].includes(needle)) continue;
      rows.add(shownRow(index, { end, offset }));
    }
  }
  return [...rows].sort((a, b) => a - b);
}

function shownRow(index: TranscriptIndex, slot: Slot): number {
  const item = index.itemAt(slot);
  const pair = pairKey(item);
  if (pair?.side === 'output') {
    const call = index.pairs.callByCallId.get(pair.key);
    const callRow = call && typeof call.id === 'string' ? index.rowOfId(call.id) : null;
    if (callRow !== null) return callRow;
  }
  return index.rowOf(slot);
}
