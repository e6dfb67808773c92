import { describe, expect, it } from 'vitest';
import { alignRuns } from './align-runs';
import { rowFragment, rowOfFragment } from './row-link';
import type { ConversationItem } from '../../transcript/types';

const message = (id: string, text: string): ConversationItem => ({ id, type: 'message', role: 'user', content: text });

describe('a comparison link that names a row', () => {
  const a = [message('msg_a1', 'start'), message('msg_a2', 'left'), message('msg_a3', 'end')];
  const b = [message('msg_b1', 'start'), message('msg_b2', 'right'), message('msg_b3', 'end'), message('msg_b4', 'more')];
  const alignment = alignRuns(a, b);
  const runs = { a, b };

  it('names a row by run A’s item, and a row only B has by B’s, and finds each again', () => {
    expect(alignment.rows.map((row) => row.diff)).toEqual(['same', 'changed', 'same', 'only-b']);
    expect(alignment.rows.map((_, row) => rowFragment(alignment, runs, row))).toEqual(['a:msg_a1', 'a:msg_a2', 'a:msg_a3', 'b:msg_b4']);
    expect(['a:msg_a2', 'b:msg_b4', 'b:msg_b2'].map((fragment) => rowOfFragment(alignment, runs, fragment))).toEqual([1, 3, 1]);
  });

  it('names no row whose item has no ID, and finds none for a fragment of something else', () => {
    const noIds = [{ type: 'message', role: 'user', content: 'x' }] as ConversationItem[];
    const alone = alignRuns(noIds, []);
    expect(rowFragment(alone, { a: noIds, b: [] }, 0)).toBeNull();
    expect(['msg_a2', 'a:msg_zz', 'c:msg_a2', '', 'a:'].map((fragment) => rowOfFragment(alignment, runs, fragment))).toEqual([null, null, null, null, null]);
  });
});
