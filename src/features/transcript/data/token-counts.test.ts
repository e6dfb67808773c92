import { describe, expect, it } from 'vitest';
import { estimateTokens, loadTokenizer } from './token-counts';

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
});
