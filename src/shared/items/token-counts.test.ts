import { describe, expect, it } from 'vitest';
import { estimateTokens, loadTokenizer } from './token-counts';
import { tokenText } from './token-text';

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

  it('counts items nested 10,000 levels deep without throwing', async () => {
    const count = await loadTokenizer();
    let deepOutput: unknown = 'bottom';
    for (let level = 0; level < 10_000; level += 1) deepOutput = [deepOutput];
    let deepObject: unknown = { text: 'bottom' };
    for (let level = 0; level < 10_000; level += 1) deepObject = { output: deepObject };
    expect(estimateTokens(tokenText({ id: 'fco_1', type: 'function_call_output', call_id: 'c1', output: deepOutput }).text, count)).toBe(1);
    expect(estimateTokens(tokenText({ id: 'fco_2', type: 'function_call_output', call_id: 'c2', output: deepObject }).text, count)).toBe(1);
  });
});
