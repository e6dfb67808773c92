import { createSnapshot } from '../../snapshots/api/snapshots';
import { INITIAL_CHOICES, snapshotRequest, type ExpiryChoice, type SnapshotTarget } from '../../snapshots/lib/snapshot-request';
import type { TranscriptOrigin } from '../../transcript/data/use-transcript';
import { REDACT_KINDS, type RedactKind } from '../../../shared/snapshots/pseudonyms';
import { CONTENT_CATEGORIES, type ContentCategory } from '../../../shared/snapshots/share-filter';
import { compareSearch, type Side } from './compare-search';

export interface ComparisonChoices {
  leaveOutSystem: boolean;
  expiry: ExpiryChoice;
  /** Names and terms to replace in the runs stored, one a line: a snapshot keeps no record of the terms it replaced. */
  terms?: string;
}

/** One side of a comparison: with what its snapshot, if it is one, left out of its items and replaced in them. */
export interface ComparisonSide {
  origin: TranscriptOrigin;
  name: string;
  leftOut?: readonly ContentCategory[];
  replaces?: readonly RedactKind[];
  /** How many names and terms of its author's its snapshot replaced (which, it does not say). */
  replacedTerms?: number;
  /** The whole items its snapshot left out, by role and type. */
  leftOutItems?: { roles: readonly string[]; types: readonly string[] };
  /** A file's conversation as the file holds it: without the file name the page shows where it names no ID. */
  fileConversation?: { id?: string; [field: string]: unknown };
}

function target({ origin, fileConversation }: ComparisonSide): SnapshotTarget | null {
  if (origin.kind === 'api') return { kind: 'source', source: origin.source, conversationId: origin.conversationId };
  if (origin.kind === 'file') return { kind: 'file', conversation: fileConversation ?? origin.conversation, items: origin.items.all ?? origin.items.pages.flat() };
  return null;
}

/**
 * What a run stored for the comparison leaves out of its items and replaces in them: whatever either side's snapshot
 * did, so the shared pair holds no more of one run than of the other (the comparison already set that content aside).
 */
export function comparisonRules(sides: Record<Side, ComparisonSide>): { content: ContentCategory[]; kinds: RedactKind[] } {
  return {
    content: CONTENT_CATEGORIES.filter((category) => sides.a.leftOut?.includes(category) || sides.b.leftOut?.includes(category)),
    kinds: REDACT_KINDS.filter((kind) => sides.a.replaces?.includes(kind) || sides.b.replaces?.includes(kind)),
  };
}

/** The snapshot to store for one side, or null when it is a snapshot already. */
export function sideSnapshotRequest(side: Side, sides: Record<Side, ComparisonSide>, choices: ComparisonChoices, now = Date.now()) {
  const { origin } = sides[side];
  if (origin.kind === 'snapshot') return null;
  const what = target(sides[side]);
  if (!what) throw new Error('This run cannot be stored.');
  // A neutral title: the run's name is its conversation ID or file name, which a snapshot does not tell its readers.
  const title = `Run ${side.toUpperCase()} of a comparison`;
  const request = snapshotRequest(what, { ...INITIAL_CHOICES, ...comparisonRules(sides), title, expiry: choices.expiry, leaveOutSystem: choices.leaveOutSystem, terms: choices.terms ?? '' }, now);
  // The whole items the other side's snapshot left out (its roles, its types) are left out of this one too.
  const union = (one: readonly string[] = [], other: readonly string[] = []) => [...new Set([...one, ...other])];
  const roles = union(request.exclude?.roles, union(sides.a.leftOutItems?.roles, sides.b.leftOutItems?.roles));
  const types = union(sides.a.leftOutItems?.types, sides.b.leftOutItems?.types);
  return { ...request, exclude: { ...request.exclude, roles, ...(types.length ? { types } : {}) } };
}

/**
 * A comparison that holds still: each side that is not a snapshot yet is stored as one, and the comparison of the two
 * snapshots is a link that never changes. Returns that link's search.
 */
export async function snapshotComparison(sides: Record<Side, ComparisonSide>, choices: ComparisonChoices) {
  const refs = await Promise.all(
    (['a', 'b'] as const).map(async (side) => {
      const { origin } = sides[side];
      if (origin.kind === 'snapshot') return { value: `s:${origin.snapshotId}` };
      const created = await createSnapshot(sideSnapshotRequest(side, sides, choices)!);
      return { value: `s:${created.id}` };
    }),
  );
  return compareSearch(refs[0], refs[1]);
}
