import { describe, expect, it } from 'vitest';
import { markdownToHtml, parsedMarkdownToHtml } from './markdown-html.ts';

describe('Markdown as HTML, by the page rules', () => {
  it('renders headings, emphasis, lists, tables and highlighted code', () => {
    const html = markdownToHtml('## CI is fixed\n\n**Root cause.** A `flag`.\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```');
    expect(html).toContain('<h2>CI is fixed</h2>');
    expect(html).toContain('<strong>Root cause.</strong> A <code>flag</code>.');
    expect(html).toContain('<input type="checkbox" disabled checked>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<pre><code class="hljs language-ts"><span class=k>const<\/span>/);
  });

  it('shows raw HTML as text and keeps only http(s) and mailto links', () => {
    const html = markdownToHtml('<img src=x onerror=alert(1)> [a](javascript:alert(2)) [b](https://example.com/b) ![c](https://example.com/c.png) ![d](data:image/svg+xml;base64,PHN2Zz4=)');
    expect(html).not.toMatch(/<img src=x|javascript:|<script|data:image\/svg/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="https://example.com/b" rel="noopener noreferrer">b</a>');
    expect(html).toContain('<a href="https://example.com/c.png" rel="noopener noreferrer">c ↗</a>');
    expect(html).toContain('<span class="removed-link"');
  });
});

describe('plain prose', () => {
  it('renders exactly as the parser does, without parsing', () => {
    const samples = ['The cart total is computed twice.', 'One line\nand the next.\n\nA second paragraph, with "quotes" and (brackets).', 'Ends with a dot.'];
    for (const sample of samples) {
      expect(markdownToHtml(sample)).toBe(parsedMarkdownToHtml(sample));
    }
  });
});
