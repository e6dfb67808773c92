import type { TranscriptIndex } from '../data/transcript-index';

/**
 * The oldest-first rows whose item contains `query` (case-insensitive), in order. An output shown inside its
 * call counts as a match of the call's row, so stepping to it lands on the call with its output.
 */
export function findMatches(index: TranscriptIndex, query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const rows = new Set<number>();
  for (const end of ['head', 'tail', 'live'] as const) {
    const texts = index.texts[end];
    for (let offset = 0; offset < texts.length; offset += 1) {
      if (texts[offset].includes(needle)) rows.add(index.shownRow(index.rowOf({ end, offset })));
    }
  }
  return [...rows].sort((a, b) => a - b);
}
