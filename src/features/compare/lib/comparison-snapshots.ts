import { createSnapshot } from '../../snapshots/api/snapshots';
import { INITIAL_CHOICES, snapshotRequest, type ExpiryChoice, type SnapshotTarget } from '../../snapshots/lib/snapshot-request';
import type { TranscriptOrigin } from '../../transcript/data/use-transcript';
import { compareSearch, type Side } from './compare-search';

export interface ComparisonChoices {
  leaveOutSystem: boolean;
  expiry: ExpiryChoice;
}

function target(origin: TranscriptOrigin): SnapshotTarget | null {
  if (origin.kind === 'api') return { kind: 'source', source: origin.source, conversationId: origin.conversationId };
  if (origin.kind === 'file') return { kind: 'file', conversation: origin.conversation, items: origin.items.pages.flat() };
  return null;
}

/**
 * A comparison that holds still: each side that is not a snapshot yet is stored as one, and the comparison of the two
 * snapshots is a link that never changes. Returns that link's search.
 */
export async function snapshotComparison(sides: Record<Side, { origin: TranscriptOrigin; name: string }>, choices: ComparisonChoices) {
  const refs = await Promise.all(
    (['a', 'b'] as const).map(async (side) => {
      const { origin } = sides[side];
      if (origin.kind === 'snapshot') return { value: `s:${origin.snapshotId}` };
      const what = target(origin);
      if (!what) throw new Error('This run cannot be stored.');
      // A neutral title: the run's name is its conversation ID or file name, which a snapshot does not tell its readers.
      const request = snapshotRequest(what, { ...INITIAL_CHOICES, title: `Run ${side.toUpperCase()} of a comparison`, expiry: choices.expiry, leaveOutSystem: choices.leaveOutSystem });
      const created = await createSnapshot(request);
      return { value: `s:${created.id}` };
    }),
  );
  return compareSearch(refs[0], refs[1]);
}
