import type { ConversationItem } from '../../transcript/types';
import { diffSequences, Interner, type Edit } from './diff-sequences';
import { fingerprintOf, shapeOf } from './fingerprint';
import { runUnits, type RunUnit } from './run-units';

export type RowDiff = 'same' | 'changed' | 'only-a' | 'only-b';

/** One aligned row: a unit of run A, of run B, or of both (indices into the units, -1 for none). */
export interface AlignedRow {
  diff: RowDiff;
  a: number;
  b: number;
}

export interface Alignment {
  unitsA: RunUnit[];
  unitsB: RunUnit[];
  rows: AlignedRow[];
  /** How many rows agree before the first difference. */
  samePrefix: number;
  /** Milliseconds the alignment took. */
  millis: number;
}

/** Runs longer than this are aligned as far as this allows, then the rest of a range counts as replaced. */
const TIME_BUDGET_MS = 4000;

/** Rows where the runs part: each unit of a changed range pairs with one of the same shape where the order allows. */
function alignHunk(deleted: number[], inserted: number[], shapesA: number[], shapesB: number[], rows: AlignedRow[], deadline: number) {
  if (deleted.length === 0 || inserted.length === 0) {
    for (const a of deleted) rows.push({ diff: 'only-a', a, b: -1 });
    for (const b of inserted) rows.push({ diff: 'only-b', a: -1, b });
    return;
  }
  const edits = diffSequences(
    deleted.map((a) => shapesA[a]),
    inserted.map((b) => shapesB[b]),
    { deadline },
  );
  for (const edit of edits) {
    if (edit.op === 'equal') rows.push({ diff: 'changed', a: deleted[edit.a], b: inserted[edit.b] });
    else if (edit.op === 'delete') rows.push({ diff: 'only-a', a: deleted[edit.a], b: -1 });
    else rows.push({ diff: 'only-b', a: -1, b: inserted[edit.b] });
  }
}

function rowsFromEdits(edits: readonly Edit[], shapesA: number[], shapesB: number[], deadline: number): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let deleted: number[] = [];
  let inserted: number[] = [];
  const flush = () => {
    alignHunk(deleted, inserted, shapesA, shapesB, rows, deadline);
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    if (edit.op === 'equal') {
      flush();
      rows.push({ diff: 'same', a: edit.a, b: edit.b });
    } else if (edit.op === 'delete') deleted.push(edit.a);
    else inserted.push(edit.b);
  }
  flush();
  return rows;
}

/**
 * Aligns two runs by what their items say, never by ID: each row (an item, a call with its output) gets a fingerprint
 * of its type, role, tool name and normalised content; the shortest edit script between the fingerprints gives the
 * rows both runs share, and inside each stretch where they part, rows of the same shape pair up as changed.
 */
export function alignRuns(itemsA: readonly ConversationItem[], itemsB: readonly ConversationItem[], now: () => number = () => performance.now()): Alignment {
  const started = now();
  const unitsA = runUnits(itemsA);
  const unitsB = runUnits(itemsB);
  const fingerprints = new Interner();
  const shapes = new Interner();
  const keysA = unitsA.map((unit) => fingerprints.id(fingerprintOf(itemsA[unit.item], unit.output >= 0 ? itemsA[unit.output] : undefined)));
  const keysB = unitsB.map((unit) => fingerprints.id(fingerprintOf(itemsB[unit.item], unit.output >= 0 ? itemsB[unit.output] : undefined)));
  const shapesA = unitsA.map((unit) => shapes.id(shapeOf(itemsA[unit.item])));
  const shapesB = unitsB.map((unit) => shapes.id(shapeOf(itemsB[unit.item])));
  const deadline = started + TIME_BUDGET_MS;
  const rows = rowsFromEdits(diffSequences(keysA, keysB, { deadline }), shapesA, shapesB, deadline);
  let samePrefix = 0;
  while (samePrefix < rows.length && rows[samePrefix].diff === 'same') samePrefix += 1;
  return { unitsA, unitsB, rows, samePrefix, millis: now() - started };
}
