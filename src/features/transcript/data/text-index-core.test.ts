import { describe, expect, it } from 'vitest';
import { TextIndexCore } from './text-index-core';
import { slotsOfMatches, type FromTextIndex } from './text-index-protocol';

const userMessage = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

function core() {
  const sent: FromTextIndex[] = [];
  const index = new TextIndexCore((message) => sent.push(message));
  index.setTokenizer((text) => text.split(/\s+/).filter(Boolean).length);
  return { index, sent };
}

describe('the text index protocol', () => {
  it('answers a query with the matching slots as soon as items arrive, before any token is counted', () => {
    const { index, sent } = core();
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'Alpha beta') }, { end: 'tail', offset: 0, item: userMessage('z', 'BETA gamma') }] });
    index.receive({ type: 'search', generation: 1, id: 7, query: ' beta ' });
    expect(sent).toEqual([{ type: 'matches', generation: 1, id: 7, query: ' beta ', offsets: { head: Uint32Array.of(0), tail: Uint32Array.of(0), live: Uint32Array.of() } }]);
  });

  it('finds an item whatever the case or accents of the query and of its text', () => {
    const { index, sent } = core();
    index.receive({
      type: 'items',
      generation: 1,
      entries: [
        { end: 'head', offset: 0, item: userMessage('a', 'Meet me at Café Zürich on the Straße') },
        { end: 'head', offset: 1, item: userMessage('b', 'cafe\u0301 au lait') },
        { end: 'head', offset: 2, item: userMessage('c', 'nothing here') },
      ],
    });
    const slots = (query: string) => {
      index.receive({ type: 'search', generation: 1, id: 1, query });
      const answer = sent.pop();
      return answer?.type === 'matches' ? [...answer.offsets.head] : null;
    };
    expect(slots('CAFE')).toEqual([0, 1]);
    expect(slots('café')).toEqual([0, 1]);
    expect(slots('zurich')).toEqual([0]);
    expect(slots('strasse')).toEqual([0]);
  });

  it('counts tokens a batch at a time, by slot, with opaque data apart', () => {
    const { index, sent } = core();
    const entries = Array.from({ length: 5 }, (_, offset) => ({ end: 'head' as const, offset, item: userMessage(`m${offset}`, 'one two three') }));
    index.receive({ type: 'items', generation: 1, entries });
    expect(index.countSome(3)).toBe(true);
    expect(index.countSome(3)).toBe(false);
    const counted = sent.flatMap((message) => (message.type === 'tokens' ? message.entries : []));
    expect(counted).toHaveLength(5);
    expect(counted[4]).toEqual({ end: 'head', offset: 4, tokens: 3, opaque: null });
  });

  it('a changed item replaces its slot’s text; a reset forgets everything; an older generation is ignored', () => {
    const { index, sent } = core();
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'draft') }] });
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'final') }] });
    index.receive({ type: 'search', generation: 1, id: 1, query: 'draft' });
    index.receive({ type: 'reset', generation: 2 });
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'final') }] });
    index.receive({ type: 'search', generation: 2, id: 2, query: 'final' });
    expect(sent.filter((message) => message.type === 'matches').map((message) => message.type === 'matches' && slotsOfMatches(message.offsets))).toEqual([[], []]);
  });

  it('waits for the tokenizer before counting', () => {
    const sent: FromTextIndex[] = [];
    const index = new TextIndexCore((message) => sent.push(message));
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'x') }] });
    expect(index.countSome(10)).toBe(false);
    expect(sent).toEqual([]);
    index.setTokenizer(() => 1);
    expect(index.countSome(10)).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('wants the tokenizer only once there is something to count and counting is on', () => {
    const index = new TextIndexCore(() => undefined);
    expect(index.needsTokenizer).toBe(false);
    index.receive({ type: 'counting', generation: 1, on: false });
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'x') }] });
    expect(index.needsTokenizer).toBe(false);
    index.receive({ type: 'counting', generation: 1, on: true });
    expect(index.needsTokenizer).toBe(true);
    index.setTokenizer(() => 1);
    expect(index.needsTokenizer).toBe(false);
  });

  it('holds token counting while told to, still answering searches, and counts everything once resumed', () => {
    const { index, sent } = core();
    index.receive({ type: 'counting', generation: 1, on: false });
    index.receive({ type: 'items', generation: 1, entries: [{ end: 'head', offset: 0, item: userMessage('a', 'still loading') }] });
    expect(index.countSome(10)).toBe(false);
    index.receive({ type: 'search', generation: 1, id: 1, query: 'loading' });
    expect(sent.map((message) => message.type)).toEqual(['matches']);
    index.receive({ type: 'counting', generation: 1, on: true });
    expect(index.countSome(10)).toBe(false);
    expect(sent.map((message) => message.type)).toEqual(['matches', 'tokens']);
  });
});
