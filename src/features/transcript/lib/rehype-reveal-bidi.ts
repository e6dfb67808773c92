import { revealBidi } from '../../../shared/markdown/link-spoofing';
import type { HastNode } from './rehype-citations';

/** Shows direction controls in link text as visible code points, so a link cannot read backwards. No recursion. */
export function rehypeRevealBidi() {
  return (tree: HastNode) => {
    const stack: { node: HastNode; inLink: boolean }[] = [{ node: tree, inLink: false }];
    while (stack.length) {
      const { node, inLink } = stack.pop()!;
      if (inLink && node.type === 'text' && node.value) node.value = revealBidi(node.value);
      for (const child of node.children ?? []) stack.push({ node: child, inLink: inLink || (node.type === 'element' && node.tagName === 'a') });
    }
  };
}
