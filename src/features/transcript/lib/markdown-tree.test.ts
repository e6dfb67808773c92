import { describe, expect, it } from 'vitest';
import { markdownTree, markdownTreeNow } from './markdown-tree';
import type { HastNode } from './rehype-citations';

function all(node: HastNode): HastNode[] {
  return [node, ...(node.children ?? []).flatMap(all)];
}
const elements = (node: HastNode, tag: string) => all(node).filter((child) => child.tagName === tag);

describe('a Markdown text as a tree for the page', () => {
  it('is plain data a worker can post: no source positions, nothing but objects, arrays and strings', () => {
    const tree = markdownTreeNow('# Title\n\nSome **bold** text and a [link](https://example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(JSON.stringify(tree)).not.toContain('position');
    expect(structuredClone(tree)).toEqual(tree);
    expect(elements(tree, 'h1')).toHaveLength(1);
    expect(elements(tree, 'table')).toHaveLength(1);
  });

  it('makes links safe and keeps raw HTML as the text it is', () => {
    const tree = markdownTreeNow('[click](javascript:alert(1)), [here](/admin) and [ok](https://example.com)\n\n<script>alert(1)</script>');
    const hrefs = elements(tree, 'a').map((link) => link.properties?.href || null);
    expect(hrefs).toEqual([null, null, 'https://example.com/']);
    expect(elements(tree, 'script')).toHaveLength(0);
    expect(JSON.stringify(tree)).toContain('<script>alert(1)</script>');
  });

  it('puts citation elements where their markers are', () => {
    const tree = markdownTreeNow('Paris is the capital.', [{ number: 1, at: 21, label: 'Atlas', href: 'https://atlas.example/paris', kind: 'url' }]);
    const cited = all(tree).filter((node) => node.properties?.dataCitation !== undefined);
    expect(cited).toHaveLength(1);
    expect(cited[0].properties?.href).toBe('https://atlas.example/paris');
  });

  it('highlights a code block once the grammar it names is loaded, and only then', async () => {
    const text = '```python\ndef f():\n    return 1\n```';
    const before = markdownTreeNow(text);
    expect(JSON.stringify(before)).not.toContain('hljs-keyword');
    const after = await markdownTree(text);
    expect(JSON.stringify(after)).toContain('hljs-keyword');
  });
});
