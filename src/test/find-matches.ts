import { TextIndexCore } from '../features/transcript/data/text-index-core';
import { NO_MATCHES, type MatchOffsets, type SlotItem } from '../features/transcript/data/text-index-protocol';
import type { TranscriptIndex } from '../features/transcript/data/transcript-index';
import { matchRows } from '../features/transcript/search/use-transcript-search';

/** What a search of the text index answers for this index, worked out at once, for unit tests. */
export function findMatches(index: TranscriptIndex, query: string): number[] {
  let offsets: MatchOffsets = NO_MATCHES;
  const core = new TextIndexCore((message) => {
    if (message.type === 'matches') offsets = message.offsets;
  });
  const entries: SlotItem[] = [];
  for (const end of ['head', 'tail', 'live'] as const) index[end].forEach((item, offset) => entries.push({ end, offset, item }));
  core.receive({ type: 'items', generation: 1, entries });
  core.receive({ type: 'search', generation: 1, id: 1, query });
  return matchRows(index, offsets);
}
