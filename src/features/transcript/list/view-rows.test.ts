import { describe, expect, it } from 'vitest';
import { addChunk, EMPTY_STREAM } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import { buildViewRows } from './view-rows';

const message = (id: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text: id }] });
const call = (id: string, callId: string) => ({ id, type: 'function_call', call_id: callId, name: 'f', arguments: '{}' });
const output = (id: string, callId: string) => ({ id, type: 'function_call_output', call_id: callId, output: 'x' });

function indexOf(items: object[]) {
  const index = new TranscriptIndex();
  index.sync(addChunk(EMPTY_STREAM, { head: items as never, tail: [], done: true }));
  return index;
}

const shown = (rows: ReturnType<typeof buildViewRows>) => Array.from({ length: rows.count }, (_, i) => rows.rowAt(i));

describe('buildViewRows', () => {
  const index = indexOf([message('m0'), call('c1', 'a'), output('o2', 'a'), message('m3'), call('c4', 'b')]);

  it('shows a row the reader asked for although the filter hides its kind', () => {
    expect(shown(buildViewRows(index, 'asc', new Set(['tools'])))).toEqual([0, 3]);
    expect(shown(buildViewRows(index, 'asc', new Set(['tools']), undefined, { reveal: new Set([4]) }))).toEqual([0, 3, 4]);
  });

  it('shows only the chosen rows, such as the failures, in the reader’s order', () => {
    expect(shown(buildViewRows(index, 'asc', new Set(), undefined, { only: new Set([1, 4]) }))).toEqual([1, 4]);
    expect(shown(buildViewRows(index, 'desc', new Set(), undefined, { only: new Set([1, 4]) }))).toEqual([4, 1]);
  });
});
