import { diffSequences, Interner, type EditOp } from './diff-sequences';

export interface TextSegment {
  op: EditOp;
  text: string;
}

const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
/** A word diff of longer texts would take longer than a reader waits for one row. */
const BUDGET_MS = 50;

/** A word-level diff: words, runs of whitespace and single punctuation marks are the units. */
export function diffWords(a: string, b: string): TextSegment[] {
  const tokensA = a.match(TOKEN) ?? [];
  const tokensB = b.match(TOKEN) ?? [];
  const interner = new Interner();
  const edits = diffSequences(
    tokensA.map((token) => interner.id(token)),
    tokensB.map((token) => interner.id(token)),
    { deadline: performance.now() + BUDGET_MS },
  );
  const segments: TextSegment[] = [];
  const push = (op: EditOp, text: string) => {
    const last = segments.at(-1);
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  // Deletions and insertions between two equal stretches read best as one removed phrase, then one added phrase.
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) push('delete', deleted);
    if (inserted) push('insert', inserted);
    deleted = '';
    inserted = '';
  };
  const runs = equalRuns(edits.map((edit) => edit.op), tokensA, edits);
  edits.forEach((edit, i) => {
    if (edit.op === 'equal' && runs[i]) {
      flush();
      push('equal', tokensA[edit.a]);
    } else if (edit.op === 'equal') {
      deleted += tokensA[edit.a];
      inserted += tokensA[edit.a];
    } else if (edit.op === 'delete') deleted += tokensA[edit.a];
    else inserted += tokensB[edit.b];
  });
  flush();
  const shared = segments.reduce((total, segment) => total + (segment.op === 'equal' ? segment.text.length : 0), 0);
  // Two texts that share only a few words read better as one removed and one added block than as confetti.
  if (shared < 0.2 * Math.max(a.length, b.length)) return [...(a ? [{ op: 'delete' as const, text: a }] : []), ...(b ? [{ op: 'insert' as const, text: b }] : [])];
  return segments;
}

/** Which equal tokens stay equal: a short stretch (a space, "the", a comma) between two changes joins the change. */
function equalRuns(ops: EditOp[], tokensA: string[], edits: { a: number }[]): boolean[] {
  const keep = ops.map((op) => op === 'equal');
  let i = 0;
  while (i < ops.length) {
    if (ops[i] !== 'equal') {
      i += 1;
      continue;
    }
    let end = i;
    let text = '';
    while (end < ops.length && ops[end] === 'equal') text += tokensA[edits[end++].a];
    const between = i > 0 && end < ops.length;
    if (between && text.trim().length <= 3) for (let k = i; k < end; k += 1) keep[k] = false;
    i = end;
  }
  return keep;
}
