import { revealBidi, revealsBidi } from '../../../shared/markdown/link-spoofing';
import type { HastNode } from './rehype-citations';

/** Shows direction controls in link text and headings as visible code points, so neither can read backwards. No recursion. */
export function rehypeRevealBidi() {
  return (tree: HastNode) => {
    const stack: { node: HastNode; reveal: boolean }[] = [{ node: tree, reveal: false }];
    while (stack.length) {
      const { node, reveal } = stack.pop()!;
      if (reveal && node.type === 'text' && node.value) node.value = revealBidi(node.value);
      for (const child of node.children ?? []) stack.push({ node: child, reveal: reveal || (node.type === 'element' && revealsBidi(node.tagName)) });
    }
  };
}
