import { describe, expect, it } from 'vitest';
import { addChunk, addLiveChanges, EMPTY_STREAM } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import { seededRandom } from '../../../test/seeded-random';
import { BEFORE_TURNS, buildViewRows, turnHeadAt, ViewRowsBuilder } from './view-rows';

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

  it('shows the chosen rows though the filter hides their kind: Failures only with tools hidden is not empty', () => {
    expect(shown(buildViewRows(index, 'asc', new Set(['tools']), undefined, { only: new Set([1, 4]) }))).toEqual([1, 4]);
  });
});

describe('turnHeadAt', () => {
  // A system message, then turn 1 (rows 1–3) and turn 2 (rows 4–5); the call's output folds into its call.
  const index = indexOf([{ ...message('s0'), role: 'system' }, message('m1'), call('c2', 'a'), output('o3', 'a'), message('m4'), call('c5', 'b')]);
  const starts = [1, 4];
  const heads = (rows: ReturnType<typeof buildViewRows>) => Array.from({ length: rows.count }, (_, i) => turnHeadAt(rows, starts, i));

  it('oldest first: above the message that opens each turn, and above what comes before the first', () => {
    const rows = buildViewRows(index, 'asc', new Set());
    expect(shown(rows)).toEqual([0, 1, 2, 4, 5]);
    expect(heads(rows)).toEqual([BEFORE_TURNS, 1, null, 4, null]);
  });

  it("newest first: above each turn's newest row, so the turn's rows sit under their own header", () => {
    const rows = buildViewRows(index, 'desc', new Set());
    expect(shown(rows)).toEqual([5, 4, 2, 1, 0]);
    // What came before the first turn has a header of its own: it is not part of turn 1.
    expect(heads(rows)).toEqual([4, null, 1, null, BEFORE_TURNS]);
    // Folded, a turn is its first message: the header stays above it.
    const folded = buildViewRows(index, 'desc', new Set(), { starts, collapsed: new Set([1]) });
    expect(shown(folded)).toEqual([5, 4, 1, 0]);
    expect(turnHeadAt(folded, starts, 2)).toBe(1);
  });

  it("shows a search's matches inside a folded turn, under its header, while the kind filter still hides what it hides", () => {
    const folded = { starts, collapsed: new Set([1]) };
    expect(shown(buildViewRows(index, 'asc', new Set(), folded))).toEqual([0, 1, 4, 5]);
    expect(shown(buildViewRows(index, 'asc', new Set(), folded, { open: new Set([2]) }))).toEqual([0, 1, 2, 4, 5]);
    expect(shown(buildViewRows(index, 'asc', new Set(['tools']), folded, { open: new Set([2]) }))).toEqual([0, 1, 4]);
  });

  it('while a run loads: a turn seen past the gap gets its header, rows past the gap whose turn began before it get none', () => {
    // Loaded so far: the oldest four rows (turn 1 starts at row 1) and the newest two (turn 9's start, then a call).
    const loading = new TranscriptIndex();
    loading.sync(addChunk(EMPTY_STREAM, { head: [{ ...message('s0'), role: 'system' }, message('m1'), call('c2', 'a'), message('m3')] as never, tail: [call('c9', 'z'), message('m8')] as never, done: false }));
    const gap = loading.gapRow!;
    expect(gap).toBe(4);
    // Rows: 0–3 the head, 4 the gap, 5 (m8, a turn's start) and 6 (c9) the tail.
    const startsLoading = [1, 3, 5];
    const asc = buildViewRows(loading, 'asc', new Set());
    expect(shown(asc)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from({ length: asc.count }, (_, i) => turnHeadAt(asc, startsLoading, i, gap))).toEqual([BEFORE_TURNS, 1, null, 3, null, 5, null]);
    const desc = buildViewRows(loading, 'desc', new Set());
    expect(Array.from({ length: desc.count }, (_, i) => turnHeadAt(desc, startsLoading, i, gap))).toEqual([5, null, null, 3, 1, null, BEFORE_TURNS]);
    // Only the head loaded: the gap comes first newest first, and the turn under it keeps its header.
    const headOnly = new TranscriptIndex();
    headOnly.sync(addChunk(EMPTY_STREAM, { head: [{ ...message('s0'), role: 'system' }, message('m1'), call('c2', 'a'), message('m3'), call('c4', 'b')] as never, tail: [], done: false }));
    const headDesc = buildViewRows(headOnly, 'desc', new Set());
    expect(shown(headDesc)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(Array.from({ length: headDesc.count }, (_, i) => turnHeadAt(headDesc, [1, 3], i, headOnly.gapRow))).toEqual([null, 3, null, 1, null, BEFORE_TURNS]);
  });

  it('none for a turn whose first message the filter hides', () => {
    const rows = buildViewRows(index, 'desc', new Set(['messages']));
    expect(heads(rows)).toEqual([null, null]);
  });
});

/** A conversation of messages, calls and outputs (an output sometimes far from its call, sometimes without one). */
function conversation(next: () => number, size: number) {
  const items: object[] = [];
  for (let i = 0; items.length < size; i += 1) {
    const roll = next();
    if (roll < 0.3) items.push(message(`m${i}`));
    else if (roll < 0.9) {
      items.push(call(`c${i}`, `k${i}`));
      if (next() < 0.8) items.push(...Array.from({ length: Math.floor(next() * 3) }, (_, j) => message(`between${i}-${j}`)), output(`o${i}`, `k${i}`));
    } else items.push(output(`lone${i}`, `none${i}`));
  }
  return items.slice(0, size);
}

describe('ViewRowsBuilder', () => {
  // Forty runs checked row by row at every slice: seconds on a busy machine.
  it('gives the same rows as a whole rebuild at every step of a run read from both ends in slices', { timeout: 30_000 }, () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const next = seededRandom(seed);
      const items = conversation(next, 20 + Math.floor(next() * 60));
      const split = Math.floor(next() * items.length);
      const pageSize = 1 + Math.floor(next() * 7);
      const pages = (list: object[]) => Array.from({ length: Math.ceil(list.length / pageSize) }, (_, i) => list.slice(i * pageSize, (i + 1) * pageSize));
      const headPages = pages(items.slice(0, split));
      const tailPages = pages(items.slice(split).reverse());
      const index = new TranscriptIndex();
      const builder = new ViewRowsBuilder();
      let stream = EMPTY_STREAM;
      const filters = [new Set<never>(), new Set(['messages'] as never[])];
      const check = () => {
        for (const order of ['asc', 'desc'] as const) {
          const hidden = filters[Math.floor(next() * filters.length)];
          const built = builder.build(index, order, hidden);
          const whole = buildViewRows(index, order, hidden);
          expect({ seed, count: built.count, folded: built.folded, rows: shown(built) }).toEqual({ seed, count: whole.count, folded: whole.folded, rows: shown(whole) });
          for (let row = -1; row <= index.rowCount; row += 1) expect([seed, row, built.viewIndexOf(row)]).toEqual([seed, row, whole.viewIndexOf(row)]);
        }
      };
      for (let step = 0; step < Math.max(headPages.length, tailPages.length); step += 1) {
        stream = addChunk(stream, { head: (headPages[step] ?? []) as never, tail: (tailPages[step] ?? []) as never, done: step === Math.max(headPages.length, tailPages.length) - 1 });
        // Read in slices that stop anywhere, as the page does.
        while (true) {
          let budget = 1 + Math.floor(next() * 5);
          index.sync(stream, () => budget-- <= 0);
          check();
          if (!index.behind) break;
        }
      }
      const later = [message('later0'), output('later-out', 'k-late'), call('later-call', 'k-late')];
      stream = addLiveChanges(stream, { added: later as never, changed: [], removed: [] });
      index.sync(stream);
      check();
      // A live update that changes an item in place starts the kept rows over.
      stream = addLiveChanges(stream, { added: [], changed: [{ ...message('later0'), status: 'completed' }] as never, removed: [] });
      index.sync(stream);
      check();
    }
  });
});
