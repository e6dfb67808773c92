import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types, shared with the benchmarks
import { generateAgentRun } from '../../../bench/scale-data.mjs';
import { markdownToHtml, parsedMarkdownToHtml } from './markdown-html.ts';
import { simpleMarkdownHtml } from './markdown-simple.ts';

/** The simple renderer's code blocks go through the same pipeline as any other text's. */
const code = (language: string, text: string) => parsedMarkdownToHtml(`\`\`\`${language}\n${text.replace(/\n$/, '')}\n\`\`\``);

function texts(): string[] {
  const items = generateAgentRun(800).items as { content?: { text?: string }[]; summary?: { text: string }[] }[];
  return items.flatMap((item) => [...(item.content ?? []), ...(item.summary ?? [])].map((part) => part.text ?? '')).filter(Boolean);
}

// Texts the simple renderer must either decline or render exactly as the parser does.
const TRICKY = [
  'A **b** c', '**Bold** start', 'a**b**c', '**a** **b**', '**a**b', '**a**: b', '**a**.', '**a**!', '**a **', '** a**', '***a***', '**a*b**',
  '`code` start', 'a `b` c', '`a`b`', '``a``', '` a `', '`a` **b** `c`', '**`a`**', 'a ` b', '`<x>` &amp;',
  'snake_case word', '_a_ b', 'a_ b', 'a __b__', 'see www.example.com', 'mail a@b.co', 'http://x.y', 'a: b', 'a:b/c',
  '# H', '## H #', '####### H', '#H', '## H\nnext', 'para\n# H', '## **Bold** `code` title', '## 2024 review',
  '- a\n- b', '- a\n\n- b', '- a\nb', '- a\n  b', '- a\n1. b', '1. a\n2. b', '2. a\n3. b', '1. a\n1) b', '1. a\n\n1. b', '- a\n\n1. b', '1. a\n\n- b',
  '- # a', '- - a', '- 1. a', '- [ ] a', '- **a**: b', '- `a` b', '10. a', '1. a\n10. b',
  'a\n- b', 'a\n1. b', 'a\n2. b', 'a\n===', 'a\n---', 'a\n    b', 'a  \nb', 'a\\\nb', 'a\n\n\n\nb', '    code', ' a',
  '```\nx\n```', '```ts\nconst a = 1;\n```', '```ts\n\nconst a = 1;\n\n```', '```\n```', '```\n\n```', '```js\na\n```\nb', 'a\n```\nx\n```',
  '```\na\n  ```\n```', '```\n~~~\n```', '```\n    ```\n```', '```unknownlang\nx\n```', '```c++\nint a;\n```', '```ts\nx\n````',
  'a | b', 'a ~~b~~', 'a <b>', 'a &amp; b', 'a [b](c)', '![a](b)', 'a\\*b', 'a * b', 'a + b', 'a = b', 'Café **déjà** vu', 'a’s **b**’s',
  'a "b" (c) d?', '**a** (b)', '(**a**)', '**(a)**', 'a.**b**', 'a\tb', 'a\r\nb', 'trailing ',
];

describe('simple Markdown without the parser', () => {
  it('renders an agent run as the parser does, and renders most of it', () => {
    const all = texts();
    const rendered = all.map((text) => ({ text, html: simpleMarkdownHtml(text, code) })).filter(({ html }) => html !== null);
    expect(rendered.filter(({ text, html }) => html !== parsedMarkdownToHtml(text))).toEqual([]);
    expect(rendered.length).toBeGreaterThan(all.length * 0.9);
  }, 60_000);

  it('declines or matches the parser on texts at the edges of what it reads', () => {
    const differ = TRICKY.filter((text) => {
      const parsed = parsedMarkdownToHtml(text);
      const simple = simpleMarkdownHtml(text, code);
      return (simple !== null && simple !== parsed) || markdownToHtml(text) !== parsed;
    });
    expect(differ).toEqual([]);
    // Some of them it reads itself: the comparison above is not only of texts left to the parser.
    expect(TRICKY.filter((text) => simpleMarkdownHtml(text, code) !== null).length).toBeGreaterThan(20);
  });

  it('leaves text with direction controls to the parser, which shows them as code points, in a heading\'s code span too', () => {
    const text = '# Open `report\u202Etxt.exe` now';
    expect(simpleMarkdownHtml(text, () => '')).toBeNull();
    expect(markdownToHtml(text)).toContain('[U+202E]');
    expect(markdownToHtml(text)).not.toContain('\u202E');
  });

  it('reads the shapes it was made for', () => {
    const shapes = ['## Step 1: Fix it\n\nSee `src/a.ts` on pool orchid-7.\n\n1. **read_file**: The cart.\n2. **run_tests**: Passes.\n\n```ts\nconst a = 1;\n```\n\n- One.\n- Two.', '**Checking the cart**\n\nThe total is computed twice.'];
    expect(shapes.filter((text) => simpleMarkdownHtml(text, code) === null)).toEqual([]);
  });
});
