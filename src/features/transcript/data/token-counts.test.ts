import { describe, expect, it } from 'vitest';
import { addChunk, EMPTY_STREAM } from './streamed-items';
import { estimateTokens, loadTokenizer, TokenCounts } from './token-counts';
import { TranscriptIndex } from './transcript-index';

describe('token estimate', () => {
  it('counts with o200k_base, loaded on demand', async () => {
    const count = await loadTokenizer();
    expect(estimateTokens('Hello, world! This is a test.', count)).toBe(9);
    expect(estimateTokens('', count)).toBe(0);
  });

  it('falls back to a length estimate for text the tokenizer refuses or that is huge', () => {
    const refuse = () => {
      throw new Error('special token');
    };
    expect(estimateTokens('<|endoftext|>abc', refuse)).toBe(4);
    expect(estimateTokens('x'.repeat(400_000), () => 1)).toBe(100_000);
  });

  it('counts every item once, a batch at a time', async () => {
    const count = await loadTokenizer();
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `m${i}`, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello, world! This is a test.' }] }));
    const index = new TranscriptIndex();
    index.sync(addChunk(addChunk(EMPTY_STREAM, { head: items as never, tail: [], done: false }), { head: [], tail: [], done: true }));
    const counts = new TokenCounts();
    expect(counts.step(index, count, 3)).toBe(false);
    expect(counts.step(index, count, 3)).toBe(true);
    expect(counts.total).toBe(45);
    expect(counts.byId.get('m4')).toBe(9);
  });

  it('counts items nested 10,000 levels deep without throwing', async () => {
    const count = await loadTokenizer();
    let deepOutput: unknown = 'bottom';
    for (let level = 0; level < 10_000; level += 1) deepOutput = [deepOutput];
    let deepObject: unknown = { text: 'bottom' };
    for (let level = 0; level < 10_000; level += 1) deepObject = { output: deepObject };
    const items = [
      { id: 'fco_1', type: 'function_call_output', call_id: 'c1', output: deepOutput },
      { id: 'fco_2', type: 'function_call_output', call_id: 'c2', output: deepObject },
    ];
    const index = new TranscriptIndex();
    index.sync(addChunk(addChunk(EMPTY_STREAM, { head: items as never, tail: [], done: false }), { head: [], tail: [], done: true }));
    const counts = new TokenCounts();
    expect(counts.step(index, count, 10)).toBe(true);
    expect(counts.byId.get('fco_1')).toBe(1);
    expect(counts.byId.get('fco_2')).toBe(1);
  });
});
