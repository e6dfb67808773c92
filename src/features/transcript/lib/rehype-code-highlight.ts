import { hastText } from './hast-text';
import { grammarName, lowlight } from './highlight-languages';
import type { HastNode } from './rehype-citations';

/** The language a `<code>` names (`language-x`, `lang-x`); false when it asks not to be highlighted. */
function codeLanguage(code: HastNode): string | false | undefined {
  const classes = Array.isArray(code.properties?.className) ? code.properties.className.map(String) : [];
  if (classes.some((name) => name === 'no-highlight' || name === 'nohighlight')) return false;
  const named = classes.find((name) => name.startsWith('language-') || name.startsWith('lang-'));
  return named?.slice(named.indexOf('-') + 1);
}

function highlight(code: HastNode) {
  const language = codeLanguage(code);
  const grammar = language ? grammarName(language) : null;
  if (!grammar || !lowlight.registered(grammar)) return;
  const classes = Array.isArray(code.properties?.className) ? code.properties.className : [];
  code.properties = { ...code.properties, className: classes.includes('hljs') ? classes : ['hljs', ...classes] };
  const result = lowlight.highlight(grammar, hastText(code));
  if (result.children.length > 0) code.children = result.children as HastNode[];
}

/**
 * Highlights code blocks (`pre > code`) in the languages they name whose grammar has loaded (highlight.js classes);
 * the others stay as written, and nothing is guessed. No recursion.
 */
export function rehypeCodeHighlight() {
  return (tree: HastNode) => {
    const stack = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      for (const child of node.children ?? []) {
        if (node.tagName === 'pre' && child.tagName === 'code') highlight(child);
        else stack.push(child);
      }
    }
  };
}
