import { describe, expect, it } from 'vitest';
import { markdownNesting } from './markdown-nesting';

describe('markdownNesting', () => {
  it.each([
    ['plain text', 'Just a sentence.\nAnother one.', 0],
    ['a quote', '> quoted', 1],
    ['a list inside a quote', '> - item\n> 1. numbered', 2],
    ['nested lists by indentation', '- a\n  - b\n    - c', 3],
    ['emphasis is not a container', '**bold** and *em*', 0],
    ['3,000 quote levels', `${'> '.repeat(3_000)}x`, 3_000],
    ['3,000 list levels', `${'* '.repeat(3_000)}x`, 3_000],
    ['3,000 quote markers without spaces', `${'>'.repeat(3_000)}x`, 3_000],
  ])('%s', (_, text, depth) => {
    expect(markdownNesting(text)).toBe(depth);
  });
});
