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
  for (const edit of edits) {
    if (edit.op === 'equal') {
      flush();
      push('equal', tokensA[edit.a]);
    } else if (edit.op === 'delete') deleted += tokensA[edit.a];
    else inserted += tokensB[edit.b];
  }
  flush();
  return segments;
}
