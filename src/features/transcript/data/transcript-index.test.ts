import { describe, expect, it } from 'vitest';
import { findMatches } from '../../../test/find-matches';
import { buildViewRows, ViewRowsBuilder } from '../list/view-rows';
import { addChunk, addLiveChanges, EMPTY_STREAM, type StreamedItems } from './streamed-items';
import { TranscriptIndex } from './transcript-index';
import { pairToolCalls } from '../lib/pair-tool-calls';
import { seededRandom } from '../../../test/seeded-random';
import { countItem, emptyCounts } from '../../../shared/items/item-counts';
import type { ConversationItem } from '../types';

const message = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

function state(head: object[][], tail: object[][], complete = false): StreamedItems {
  let s = EMPTY_STREAM;
  for (const page of head) s = addChunk(s, { head: page as never, tail: [], done: false });
  for (const page of tail) s = addChunk(s, { head: [], tail: page as never, done: false });
  return complete ? addChunk(s, { head: [], tail: [], done: true }) : s;
}

describe('TranscriptIndex', () => {
  it('puts the head first, a gap for the missing middle, then the tail in order', () => {
    const index = new TranscriptIndex();
    index.sync(state([[message('a', 'one'), message('b', 'two')]], [[message('z', 'last'), message('y', 'before last')]]));
    expect(index.rowCount).toBe(5);
    expect(index.gapRow).toBe(2);
    const ids = Array.from({ length: index.rowCount }, (_, row) => {
      const slot = index.slotAt(row);
      return slot ? index.itemAt(slot).id : 'gap';
    });
    expect(ids).toEqual(['a', 'b', 'gap', 'y', 'z']);
    expect(index.rowOfId('z')).toBe(4);
  });

  it('reads only new pages on each sync and closes the gap when complete', () => {
    const index = new TranscriptIndex();
    const first = state([[message('a', '')]], [[message('z', '')]]);
    index.sync(first);
    const version = index.version;
    const second = addChunk(addChunk(first, { head: [message('b', '')] as never, tail: [], done: false }), { head: [], tail: [], done: true });
    expect(index.sync(second)).toBe(true);
    expect(index.itemCount).toBe(3);
    expect(index.gapRow).toBeNull();
    expect(index.rowOfId('z')).toBe(2);
    expect(index.version).toBeGreaterThan(version);
    expect(index.sync(first)).toBe(false);
  });

  it('keeps items with a duplicate ID, counts them, and keys rows by position', () => {
    const index = new TranscriptIndex();
    index.sync(state([[message('a', 'x'), message('a', 'y')]], [], true));
    expect(index.itemCount).toBe(2);
    expect(index.duplicates).toBe(1);
    expect(index.rowOfId('a')).toBe(0);
    expect(TranscriptIndex.keyOf(index.slotAt(1))).toBe('h1');
  });

  it('pairs calls and outputs across the two ends', () => {
    const index = new TranscriptIndex();
    const call = { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{}' };
    const output = { id: 'out_1', type: 'function_call_output', call_id: 'call_1', output: 'secret needle' };
    // While the items between the two ends are not loaded, which call the output answers is not known.
    index.sync(state([[call]], [[output]]));
    expect(index.pairs.get(call)).toBeUndefined();
    index.sync(state([[call]], [[output]], true));
    expect(index.pairs.get(call)).toBe(output);
    expect(index.foldedInto({ end: 'tail', offset: 0 })).toBe(call);
    // The output matches, and the search lands on its call, which shows it.
    expect(findMatches(index, 'NEEDLE')).toEqual([0]);
    expect(findMatches(index, 'lookup')).toEqual([0]);
    expect(findMatches(index, '   ')).toEqual([]);
  });
});

describe('view rows', () => {
  const index = new TranscriptIndex();
  index.sync(state([[message('a', ''), { id: 'r', type: 'reasoning', summary: [] }, message('b', '')]], [], true));

  it('reverses for newest first without copying', () => {
    const rows = buildViewRows(index, 'desc', new Set());
    expect(Array.from({ length: rows.count }, (_, i) => rows.rowAt(i))).toEqual([2, 1, 0]);
    expect(rows.viewIndexOf(2)).toBe(0);
  });

  it('leaves out hidden kinds', () => {
    const rows = buildViewRows(index, 'asc', new Set(['reasoning']));
    expect(rows.count).toBe(2);
    expect(rows.rowAt(1)).toBe(2);
    expect(rows.viewIndexOf(1)).toBeNull();
  });

  it('gives an output no row of its own once its call is loaded, and maps its matches to the call', () => {
    const folded = new TranscriptIndex();
    const call = { id: 'fc', type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' };
    const output = { id: 'fo', type: 'function_call_output', call_id: 'c1', output: 'needle' };
    const approval = { id: 'ma', type: 'mcp_approval_response', approval_request_id: 'mr', approve: true };
    // Read newest first, the output loads before its call.
    const newest = [approval, { id: 'mr', type: 'mcp_approval_request' }, output];
    folded.sync(state([], [newest], false));
    expect(buildViewRows(folded, 'asc', new Set()).count).toBe(4);
    folded.sync(state([], [newest, [call, message('a', 'one')]], true));
    const rows = buildViewRows(folded, 'asc', new Set());
    const ids = Array.from({ length: rows.count }, (_, i) => folded.itemAt(folded.slotAt(rows.rowAt(i))!).id);
    expect(ids).toEqual(['a', 'fc', 'mr', 'ma']);
    expect(findMatches(folded, 'needle')).toEqual([folded.rowOfId('fc')]);
    expect(rows.viewIndexOf(folded.rowOfId('fo')!)).toBeNull();
  });

  it('keeps a second answer to the same call in a row of its own, so nothing is hidden', () => {
    const twice = new TranscriptIndex();
    const call = { id: 'fc', type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' };
    const first = { id: 'fo1', type: 'function_call_output', call_id: 'c1', output: 'first' };
    const second = { id: 'fo2', type: 'function_call_output', call_id: 'c1', output: 'second needle' };
    twice.sync(state([[message('a', 'one'), call, first, second]], [], true));
    const rows = buildViewRows(twice, 'asc', new Set());
    const ids = Array.from({ length: rows.count }, (_, i) => twice.itemAt(twice.slotAt(rows.rowAt(i))!).id);
    expect(ids).toEqual(['a', 'fc', 'fo2']);
    expect(findMatches(twice, 'needle')).toEqual([twice.rowOfId('fo2')]);
    expect(twice.foldedInto({ end: 'head', offset: 3 })).toBeNull();
    const built = new ViewRowsBuilder().build(twice, 'asc', new Set());
    expect(Array.from({ length: built.count }, (_, i) => twice.itemAt(twice.slotAt(built.rowAt(i))!).id)).toEqual(['a', 'fc', 'fo2']);
    // Read newest first, the call's row shows the same answer: the first after it.
    const backwards = new TranscriptIndex();
    backwards.sync(state([], [[second, first, call, message('a', 'one')]], true));
    const tailRows = buildViewRows(backwards, 'asc', new Set());
    expect(Array.from({ length: tailRows.count }, (_, i) => backwards.itemAt(backwards.slotAt(tailRows.rowAt(i))!).id)).toEqual(['a', 'fc', 'fo2']);
  });

  it('folds an output by the call it answers now, after a live update changed which one', () => {
    const updated = new TranscriptIndex();
    const call = { id: 'fc', type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' };
    const output = { id: 'fo', type: 'function_call_output', call_id: 'c2', output: 'x' };
    const loaded = state([[call, output]], [], true);
    updated.sync(loaded);
    expect(buildViewRows(updated, 'asc', new Set()).count).toBe(2);
    updated.sync(addLiveChanges(loaded, { added: [], changed: [{ ...output, call_id: 'c1' }], removed: [] }));
    expect(buildViewRows(updated, 'asc', new Set()).count).toBe(1);
    expect(updated.foldedInto({ end: 'head', offset: 1 })).toBe(call);
  });
});

describe('turns in view rows', () => {
  it('hides the rest of a collapsed turn, keeping the message that starts it', () => {
    const turns = new TranscriptIndex();
    turns.sync(state([[message('u1', 'one'), message('a1', 'x'), message('u2', 'two'), message('a2', 'y'), message('a3', 'z')]], [], true));
    const rows = buildViewRows(turns, 'asc', new Set(), { starts: [0, 2], collapsed: new Set([2]) });
    const ids = Array.from({ length: rows.count }, (_, i) => turns.itemAt(turns.slotAt(rows.rowAt(i))!).id);
    expect(ids).toEqual(['u1', 'a1', 'u2']);
  });
});

describe('TranscriptIndex live items', () => {
  it('puts later arrivals after the tail, in both orders, and keeps every existing key', () => {
    const index = new TranscriptIndex();
    const loaded = state([[message('a', 'one')]], [[message('z', 'last')]]);
    index.sync(loaded);
    const keys = Array.from({ length: index.rowCount }, (_, row) => TranscriptIndex.keyOf(index.slotAt(row)));
    const withLive = addLiveChanges(loaded, { added: [message('n1', 'new one'), message('n2', 'new two')], changed: [], removed: [] });
    expect(index.sync(withLive)).toBe(true);
    expect(Array.from({ length: 3 }, (_, row) => TranscriptIndex.keyOf(index.slotAt(row)))).toEqual(keys);
    expect(TranscriptIndex.keyOf(index.slotAt(4))).toBe('l1');
    expect(index.rowOfId('n2')).toBe(4);
    expect(index.newestId).toBe('n2');
    const desc = buildViewRows(index, 'desc', new Set());
    expect(index.itemAt(index.slotAt(desc.rowAt(0))!).id).toBe('n2');
    expect(findMatches(index, 'new')).toEqual([3, 4]);
    // The tail keeps loading older items; the arrivals stay last.
    expect(index.sync(addChunk(withLive, { head: [], tail: [message('y', '')] as never, done: true }))).toBe(true);
    expect(index.rowOfId('n2')).toBe(4);
    expect(index.rowOfId('y')).toBe(1);
  });

  it('starts over when a state does not carry the live changes it has applied', () => {
    const index = new TranscriptIndex();
    const loaded = state([[message('a', 'one')]], [], true);
    index.sync(addLiveChanges(loaded, { added: [message('n1', 'new one')], changed: [], removed: [] }));
    expect(index.sync(loaded)).toBe(false);
  });

  it('starts over for a conversation read again from the start (Reload), though it comes back in as many pages', () => {
    const index = new TranscriptIndex();
    index.sync(state([[message('a', 'one')]], [], true));
    const starts = index.starts;
    expect(index.sync(state([[message('a', 'one'), message('b', 'two')]], [], true))).toBe(false);
    expect(index.starts).toBe(starts);
    const kept = state([[message('a', 'one')]], []);
    index.reset();
    index.sync(kept);
    expect(index.starts).toBe(starts + 1);
    // The same pages, with more after them, go on.
    expect(index.sync(addChunk(kept, { head: [message('b', 'two')] as never, tail: [], done: true }))).toBe(true);
  });
});

describe('TranscriptIndex.keyAt', () => {
  it('gives every row a distinct key that does not change as rows arrive around it', () => {
    const index = new TranscriptIndex();
    const first = state([[message('a', ''), message('b', '')]], [[message('z', ''), message('y', '')]]);
    index.sync(first);
    const before = Array.from({ length: index.rowCount }, (_, row) => index.keyAt(row));
    expect(new Set(before).size).toBe(before.length);
    const zRow = index.rowOfId('z')!;
    const zKey = index.keyAt(zRow);
    index.sync(addChunk(first, { head: [message('c', '')] as never, tail: [message('x', '')] as never, done: false }));
    expect(index.keyAt(index.rowOfId('z')!)).toBe(zKey);
    expect(index.keyAt(index.rowOfId('a')!)).toBe(before[0]);
    const after = Array.from({ length: index.rowCount }, (_, row) => index.keyAt(row));
    expect(new Set(after).size).toBe(after.length);
  });
});

describe('TranscriptIndex read in slices', () => {
  const items = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => message(`${prefix}${i}`, ''));
  const stopAfter = (count: number) => {
    let read = 0;
    return () => read++ >= count;
  };

  it('stops where asked, resumes in the middle of a page, and closes the gap only once everything is read', () => {
    const index = new TranscriptIndex();
    const full = state([items('h', 3), items('i', 3)], [items('t', 2)], true);
    index.sync(full, stopAfter(4));
    expect(index.behind).toBe(true);
    expect(index.itemCount).toBe(4);
    expect(index.complete).toBe(false);
    expect(index.gapRow).toBe(4);
    index.sync(full, stopAfter(3));
    expect(index.behind).toBe(true);
    expect(index.itemCount).toBe(7);
    index.sync(full);
    expect(index.behind).toBe(false);
    expect(index.complete).toBe(true);
    const ids = Array.from({ length: index.rowCount }, (_, row) => index.itemAt(index.slotAt(row)!).id);
    expect(ids).toEqual(['h0', 'h1', 'h2', 'i0', 'i1', 'i2', 't1', 't0']);
  });

  it('takes a state with more pages while partway through a page, and refuses one without that page', () => {
    const index = new TranscriptIndex();
    const first = state([items('h', 4)], []);
    index.sync(first, stopAfter(2));
    expect(index.sync(state([], []))).toBe(false);
    const more = addChunk(first, { head: items('j', 2) as never, tail: [], done: false });
    expect(index.sync(more)).toBe(true);
    expect(index.itemCount).toBe(6);
    expect(index.rowOfId('j1')).toBe(5);
  });

  it('points a reused slot at a row without a new object', () => {
    const index = new TranscriptIndex();
    index.sync(state([items('h', 2)], [items('t', 2)]));
    const slot = { end: 'head' as const, offset: 0 } as { end: 'head' | 'tail' | 'live'; offset: number };
    expect(index.slotInto(3, slot)).toBe(slot);
    expect(slot).toEqual({ end: 'tail', offset: 1 });
    expect(index.slotInto(2, slot)).toBeNull();
    expect(index.slotInto(4, slot)).toEqual({ end: 'tail', offset: 0 });
  });
});

describe('pairing as a run loads', () => {
  const call = (id: string, callId: string) => ({ id, type: 'function_call', call_id: callId, name: 'f', arguments: '{}' });
  const output = (id: string, callId: string) => ({ id, type: 'function_call_output', call_id: callId, output: id });

  /** Calls and outputs on a few call IDs, so IDs come again: a call made twice, an output alone, one before its call. */
  function run(next: () => number, size: number): ConversationItem[] {
    return Array.from({ length: size }, (_, i) => {
      const roll = next();
      const key = `k${Math.floor(next() * 3)}`;
      return roll < 0.2 ? message(`m${i}`, '') : roll < 0.6 ? call(`c${i}`, key) : output(`o${i}`, key);
    });
  }

  /**
   * What the viewer pairs and counts, read whole in order: the one rule every view and export follows. While the two
   * ends have not met, each is read on its own: the items between them could answer any call.
   */
  function expected(index: TranscriptIndex) {
    const held = index.orderedItems();
    const parts = index.complete ? [held] : [index.head, held.slice(index.head.length)];
    const pairs = new Map(parts.flatMap((part) => [...pairToolCalls(part)]));
    const counts = emptyCounts();
    for (const item of held) countItem(counts, item, pairs.has(item));
    return { pairs: held.map((item) => pairs.get(item)?.id ?? null), counts };
  }

  it('pairs and counts as the held items read in order would, at every step of a run read from both ends, and after a live update', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const next = seededRandom(seed);
      const items = run(next, 10 + Math.floor(next() * 30));
      const split = Math.floor(next() * items.length);
      const size = 1 + Math.floor(next() * 4);
      const pages = (list: ConversationItem[]) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
      const head = pages(items.slice(0, split));
      const tail = pages(items.slice(split).reverse());
      const index = new TranscriptIndex();
      const check = () => {
        const held = index.orderedItems();
        expect({ seed, pairs: held.map((item) => index.pairs.get(item)?.id ?? null), counts: index.counts }).toEqual({ seed, ...expected(index) });
      };
      let stream = EMPTY_STREAM;
      for (let step = 0; step < Math.max(head.length, tail.length); step += 1) {
        stream = addChunk(stream, { head: (head[step] ?? []) as never, tail: (tail[step] ?? []) as never, done: step === Math.max(head.length, tail.length) - 1 });
        index.sync(stream);
        check();
      }
      stream = addLiveChanges(stream, { added: [output('late-o', 'k0'), call('late-c', 'k1')] as never, changed: [], removed: [] });
      index.sync(stream);
      check();
      const changed = items[Math.floor(next() * items.length)];
      stream = addLiveChanges(stream, { added: [], changed: [changed.type === 'message' ? call(String(changed.id), 'k2') : { ...changed, call_id: 'k1' }] as never, removed: [] });
      index.sync(stream);
      check();
      // An update that keeps the item's key (its status): the pairs stay, held by the new copy.
      const paired = index.orderedItems().find((item) => item.type !== 'message' && index.pairs.has(item));
      if (paired) {
        stream = addLiveChanges(stream, { added: [], changed: [{ ...paired, status: 'completed' }] as never, removed: [] });
        index.sync(stream);
        check();
      }
    }
  });

  it('counts an output whose call is not loaded as the tool call it stands for, and shows it under Tools', () => {
    const index = new TranscriptIndex();
    // Only the tail has loaded: the call is in the middle not read yet.
    const tail = [message('z', 'done'), output('o1', 'k1'), output('o2', 'k2'), call('c2', 'k2')];
    index.sync(state([], [tail]));
    expect(index.counts.byKind.tools).toBe(2);
    expect(Object.fromEntries(index.counts.byName.tools)).toEqual({ f: 1, 'Function output': 1 });
    const tools = buildViewRows(index, 'asc', new Set(['messages', 'reasoning', 'other']));
    const ids = Array.from({ length: tools.count }, (_, i) => index.slotAt(tools.rowAt(i)));
    expect(ids.map((slot) => (slot ? index.itemAt(slot).id : 'gap'))).toEqual(['gap', 'c2', 'o1']);
    // Once its call loads and the two ends meet, the output is in the call's row and counts with it.
    index.sync(state([[call('c1', 'k1')]], [tail], true));
    expect(index.counts.byKind.tools).toBe(2);
    expect(Object.fromEntries(index.counts.byName.tools)).toEqual({ f: 2 });
  });

  it('re-reads no item more than once when a hostile run reuses one call_id for thousands of calls, read from both ends', () => {
    const count = 4_000;
    const items = Array.from({ length: count }, (_, i) => (i < count / 2 ? call(`c${i}`, 'same') : output(`o${i}`, 'same')));
    const head = items.slice(0, count / 2);
    const tail = items.slice(count / 2).reverse();
    const index = new TranscriptIndex();
    let stream = EMPTY_STREAM;
    for (let page = 0; page < count / 200; page += 1) {
      stream = addChunk(stream, { head: head.slice(page * 100, page * 100 + 100) as never, tail: tail.slice(page * 100, page * 100 + 100) as never, done: page === count / 200 - 1 });
      index.sync(stream);
    }
    // Each call answered by its output, brackets-wise: the last call by the first output.
    expect(index.pairs.get(head.at(-1)!)).toBe(items[count / 2]);
    expect(index.pairs.get(head[0])).toBe(items.at(-1));
    // Before, every item that arrived paired the whole key again, and the page read thousands of items again for each.
    expect(index.changedSlots.length).toBeLessThanOrEqual(count);
  });

  it('adds and updates live items of a key that thousands of loaded calls share without reading the key again', () => {
    const count = 4_000;
    const head = Array.from({ length: count / 2 }, (_, i) => call(`c${i}`, 'same'));
    const outputs = Array.from({ length: count / 2 }, (_, i) => ({ ...output(`o${i}`, 'same'), status: 'in_progress' }));
    const index = new TranscriptIndex();
    let stream = state([head], [outputs.toReversed()], true);
    index.sync(stream);
    expect(index.pairs.get(head[0])).toBe(outputs.at(-1));
    let reads = 0;
    const itemAt = index.itemAt.bind(index);
    index.itemAt = (slot) => {
      reads += 1;
      return itemAt(slot);
    };
    // A live call waits, a live output answers it; an output that finishes keeps its call.
    const lateCall = call('late-c', 'same');
    const lateOutput = output('late-o', 'same');
    const done = outputs.slice(0, 50).map((item) => ({ ...item, status: 'completed' }));
    stream = addLiveChanges(stream, { added: [lateCall, lateOutput] as never, changed: done as never, removed: [] });
    index.sync(stream);
    expect(index.pairs.get(lateCall as never)).toBe(lateOutput);
    expect(index.pairs.get(head.at(-1)!)).toBe(done[0]);
    expect(index.pairs.get(done[0] as never)).toBe(head.at(-1));
    expect(index.pairs.has(outputs[0] as never)).toBe(false);
    // Before, each of these redrew the key's 2,000 pairs: hundreds of thousands of reads.
    expect(reads).toBeLessThan(2_000);
  });

  it('shows an output once: a second call with the same call_id waits for its own', () => {
    const index = new TranscriptIndex();
    const first = call('c1', 'k');
    const answer = output('o1', 'k');
    const again = call('c2', 'k');
    index.sync(state([[first, answer, again]], [], true));
    expect(index.pairs.get(first)).toBe(answer);
    expect(index.pairs.get(again)).toBeUndefined();
    expect(index.foldedInto({ end: 'head', offset: 1 })).toBe(first);
  });
});
