import { describe, expect, it } from 'vitest';
import { grammarName, loadGrammars, lowlight, missingGrammars } from './highlight-languages';
import { rehypeCodeHighlight } from './rehype-code-highlight';
import type { HastNode } from './rehype-citations';

const codeBlock = (className: string[], text: string): HastNode => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'pre', children: [{ type: 'element', tagName: 'code', properties: { className }, children: [{ type: 'text', value: text }] }] }],
});
const codeOf = (tree: HastNode) => tree.children![0].children![0];

describe('grammars named by code blocks', () => {
  it('finds the languages fenced blocks name, by name or alias, and nothing for unnamed or unknown ones', () => {
    const text = ['```py', 'x = 1', '```', '~~~ ts title="a.ts"', 'let a', '~~~', '```', 'plain', '```', '```brainfuck', '+', '```', '> ```sh', '> ls'].join('\n');
    expect(missingGrammars(text).sort()).toEqual(['bash', 'python', 'typescript']);
    expect(grammarName('C++')).toBe('cpp');
    expect(grammarName('brainfuck')).toBeNull();
  });

  it('a page of HTML also loads the grammars its scripts and styles are written in', () => {
    expect(missingGrammars('```html\n<p>\n```').sort()).toEqual(['css', 'javascript', 'xml']);
  });

  it('highlights a block once its grammar has loaded, and only blocks in loaded languages', async () => {
    const before = codeBlock(['language-json'], '{"a": 1}');
    rehypeCodeHighlight()(before);
    expect(codeOf(before).children).toEqual([{ type: 'text', value: '{"a": 1}' }]);

    await loadGrammars(missingGrammars('```json\n{}\n```'));
    expect(lowlight.registered('json')).toBe(true);
    expect(lowlight.registered('python')).toBe(false);
    expect(missingGrammars('```jsonc\n{}\n```')).toEqual([]);

    const json = codeBlock(['language-jsonc'], '{"a": 1}');
    rehypeCodeHighlight()(json);
    expect(codeOf(json).properties?.className).toEqual(['hljs', 'language-jsonc']);
    expect(JSON.stringify(codeOf(json).children)).toContain('hljs-attr');

    const refused = codeBlock(['language-json', 'nohighlight'], '{"a": 1}');
    const unnamed = codeBlock([], '{"a": 1}');
    rehypeCodeHighlight()(refused);
    rehypeCodeHighlight()(unnamed);
    expect(codeOf(refused).children).toHaveLength(1);
    expect(codeOf(unnamed).children).toHaveLength(1);
  });
});
