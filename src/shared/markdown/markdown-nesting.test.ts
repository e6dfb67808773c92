import { describe, expect, it } from 'vitest';
import { inlineNesting, markdownNesting } from './markdown-nesting';
import { plainMarkdownReason } from './markdown-limits';
import { markdownToHtml } from './markdown-html';

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

describe('inlineNesting', () => {
  it.each([
    ['plain text', 'Just a sentence.', 0],
    ['a link and emphasis', 'See [the **docs**](https://example.com) and ***this***.', 3],
    ['an image in a link', '[![logo](a.png)](https://example.com)', 2],
    ['escaped brackets', `${'\\['.repeat(50)}x`, 0],
    ['brackets closed again', `${'[a] '.repeat(500)}`, 1],
    ['a blank line ends unclosed brackets', `${'['.repeat(20)}\n\n${'['.repeat(20)}`, 20],
    ['nested images', `${'!['.repeat(2_500)}a${'](b)'.repeat(2_500)}`, 2_500],
    ['a run of stars', `${'*'.repeat(4_000)}a${'*'.repeat(4_000)}`, 4_000],
    ['a run of underscores and tildes', `${'_~'.repeat(100)}a`, 200],
  ])('%s', (_, text, depth) => {
    expect(inlineNesting(text)).toBe(depth);
  });

  it('shows a text whose inline Markdown nests too deep as written, where parsing it would stall for seconds', () => {
    for (const text of [`${'!['.repeat(1_500)}a${'](b)'.repeat(1_500)}`, `${'*'.repeat(8_000)}a${'*'.repeat(8_000)}`, `${'_'.repeat(5_000)}a${'_'.repeat(5_000)}`]) {
      expect(plainMarkdownReason(text)).toMatch(/links or emphasis nest [\d,]+ levels deep/);
    }
    // Ordinary Markdown still formats.
    expect(plainMarkdownReason('A [link](https://example.com), **bold**, _em_, ~~gone~~ and ![an image](https://example.com/a.png).')).toBeNull();
    expect(markdownToHtml(`${'*'.repeat(30)}a${'*'.repeat(30)}`)).toContain('a');
  });
});
