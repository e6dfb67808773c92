import { describe, expect, it } from 'vitest';
import { diffSequences, type Edit } from './diff-sequences';

function lcsLength(a: number[], b: number[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
  }
  return table[a.length][b.length];
}

/** An edit script is valid when it walks both sequences once, in order, pairing only equal symbols. */
function walk(a: number[], b: number[], edits: Edit[]) {
  const fromA = edits.filter((edit) => edit.op !== 'insert').map((edit) => edit.a);
  const fromB = edits.filter((edit) => edit.op !== 'delete').map((edit) => edit.b);
  const mismatched = edits.filter((edit) => edit.op === 'equal' && a[edit.a] !== b[edit.b]);
  return { fromA, fromB, mismatched: mismatched.length };
}

const indices = (length: number) => Array.from({ length }, (_, i) => i);

describe('diffSequences', () => {
  it('finds the longest common subsequence of random sequences', () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % max;
    };
    for (let round = 0; round < 300; round += 1) {
      const a = Array.from({ length: random(30) }, () => random(5));
      const b = Array.from({ length: random(30) }, () => random(5));
      const edits = diffSequences(a, b);
      expect(walk(a, b, edits)).toEqual({ fromA: indices(a.length), fromB: indices(b.length), mismatched: 0 });
      expect(edits.filter((edit) => edit.op === 'equal')).toHaveLength(lcsLength(a, b));
    }
  });

  it('gives up a range as replaced once past its deadline, and stays valid', () => {
    const a = Array.from({ length: 2000 }, (_, i) => i % 7);
    const b = Array.from({ length: 2000 }, (_, i) => (i * 3) % 11);
    const edits = diffSequences(a, b, { deadline: 0 });
    expect(walk(a, b, edits)).toEqual({ fromA: indices(a.length), fromB: indices(b.length), mismatched: 0 });
  });
});
