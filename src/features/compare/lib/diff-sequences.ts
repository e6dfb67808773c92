/** One step of an edit script: `equal` pairs a[i] with b[j]; `delete` is a[i] alone; `insert` is b[j] alone. */
export type EditOp = 'equal' | 'delete' | 'insert';

export interface Edit {
  op: EditOp;
  /** Index into a, or -1 for an insert. */
  a: number;
  /** Index into b, or -1 for a delete. */
  b: number;
}

export interface DiffOptions {
  /** A time (performance.now()) after which the rest of a range is given up as one replacement, not searched. */
  deadline?: number;
}

/**
 * The shortest edit script between two sequences of symbols (Myers' O(ND) algorithm, the linear-space variant that
 * bisects at the middle snake), so two 10,000-item runs never hold an N×M table. Symbols are small integers: callers
 * intern their keys first, and equality is one comparison.
 */
export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, options: DiffOptions = {}): Edit[] {
  const edits: Edit[] = [];
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  diffRange(a, 0, a.length, b, 0, b.length, edits, deadline);
  return edits;
}

function pushEqual(edits: Edit[], a: number, b: number, count: number) {
  for (let k = 0; k < count; k += 1) edits.push({ op: 'equal', a: a + k, b: b + k });
}

function pushReplace(edits: Edit[], aStart: number, aEnd: number, bStart: number, bEnd: number) {
  for (let i = aStart; i < aEnd; i += 1) edits.push({ op: 'delete', a: i, b: -1 });
  for (let j = bStart; j < bEnd; j += 1) edits.push({ op: 'insert', a: -1, b: j });
}

function diffRange(a: ArrayLike<number>, aStart: number, aEnd: number, b: ArrayLike<number>, bStart: number, bEnd: number, edits: Edit[], deadline: number) {
  let prefix = 0;
  while (aStart + prefix < aEnd && bStart + prefix < bEnd && a[aStart + prefix] === b[bStart + prefix]) prefix += 1;
  pushEqual(edits, aStart, bStart, prefix);
  aStart += prefix;
  bStart += prefix;
  let suffix = 0;
  while (aEnd - suffix > aStart && bEnd - suffix > bStart && a[aEnd - suffix - 1] === b[bEnd - suffix - 1]) suffix += 1;
  const innerAEnd = aEnd - suffix;
  const innerBEnd = bEnd - suffix;

  if (aStart === innerAEnd || bStart === innerBEnd || performance.now() > deadline || !shareSymbol(a, aStart, innerAEnd, b, bStart, innerBEnd)) {
    pushReplace(edits, aStart, innerAEnd, bStart, innerBEnd);
  } else {
    const split = middleSnake(a, aStart, innerAEnd, b, bStart, innerBEnd, deadline);
    if (split) {
      diffRange(a, aStart, split.x, b, bStart, split.y, edits, deadline);
      diffRange(a, split.x, innerAEnd, b, split.y, innerBEnd, edits, deadline);
    } else {
      pushReplace(edits, aStart, innerAEnd, bStart, innerBEnd);
    }
  }
  pushEqual(edits, innerAEnd, innerBEnd, suffix);
}

/** Two ranges with no symbol in common differ entirely; finding that out costs a set, not a quadratic search. */
function shareSymbol(a: ArrayLike<number>, aStart: number, aEnd: number, b: ArrayLike<number>, bStart: number, bEnd: number): boolean {
  const seen = new Set<number>();
  for (let i = aStart; i < aEnd; i += 1) seen.add(a[i]);
  for (let j = bStart; j < bEnd; j += 1) if (seen.has(b[j])) return true;
  return false;
}

/** Where the forward and backward searches meet: a split point (in absolute indices) on an optimal path. */
function middleSnake(a: ArrayLike<number>, aStart: number, aEnd: number, b: ArrayLike<number>, bStart: number, bEnd: number, deadline: number): { x: number; y: number } | null {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const length = 2 * maxD + 2;
  const forward = new Int32Array(length).fill(-1);
  const backward = new Int32Array(length).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d += 1) {
    if ((d & 63) === 63 && performance.now() > deadline) return null;
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = offset + k1;
      let x1 = k1 === -d || (k1 !== d && forward[k1Offset - 1] < forward[k1Offset + 1]) ? forward[k1Offset + 1] : forward[k1Offset - 1] + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aStart + x1] === b[bStart + y1]) {
        x1 += 1;
        y1 += 1;
      }
      forward[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = offset + delta - k1;
        if (k2Offset >= 0 && k2Offset < length && backward[k2Offset] !== -1 && x1 >= n - backward[k2Offset]) return { x: aStart + x1, y: bStart + y1 };
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = offset + k2;
      let x2 = k2 === -d || (k2 !== d && backward[k2Offset - 1] < backward[k2Offset + 1]) ? backward[k2Offset + 1] : backward[k2Offset - 1] + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aStart + n - x2 - 1] === b[bStart + m - y2 - 1]) {
        x2 += 1;
        y2 += 1;
      }
      backward[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = offset + delta - k2;
        if (k1Offset >= 0 && k1Offset < length && forward[k1Offset] !== -1) {
          const x1 = forward[k1Offset];
          const y1 = offset + x1 - k1Offset;
          if (x1 >= n - x2) return { x: aStart + x1, y: bStart + y1 };
        }
      }
    }
  }
  return null;
}

/** Turns keys into small integers, one number per distinct key, shared by both sequences. */
export class Interner {
  private readonly ids = new Map<string | number, number>();

  id(key: string | number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}
