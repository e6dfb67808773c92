import { hasMarker, splitMarkers, stripMarkers, type Citation } from './citations';

export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Inside these an element cannot go (a link in a link) or would change the text (code): the marker just goes. */
const PLAIN_INSIDE = new Set(['a', 'code', 'pre']);

function citationElement(citation: Citation | undefined): HastNode {
  if (!citation) return { type: 'text', value: '' };
  const properties = { title: citation.label, dataCitation: String(citation.number) };
  const children = [{ type: 'text', value: `[${citation.number}]` }];
  return citation.href
    ? { type: 'element', tagName: 'a', properties: { ...properties, href: citation.href }, children }
    : { type: 'element', tagName: 'span', properties: { ...properties, className: ['ml-0.5', 'align-super', 'text-[0.7em]', 'font-semibold', 'text-zinc-600', 'dark:text-zinc-400'] }, children };
}

/**
 * Replaces the citation markers of `markCitations` with citation elements, after the Markdown is parsed and
 * sanitised, so nothing of a citation is ever read as Markdown. Walks without recursion: trees may be deep.
 */
export function rehypeCitations(citations: readonly Citation[]) {
  const byNumber = new Map(citations.map((citation) => [citation.number, citation]));
  return () => (tree: HastNode) => {
    const stack: { node: HastNode; plain: boolean }[] = [{ node: tree, plain: false }];
    while (stack.length) {
      const { node, plain } = stack.pop()!;
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        if (typeof value === 'string' && hasMarker(value)) node.properties![name] = stripMarkers(value);
      }
      if (!node.children) continue;
      const children: HastNode[] = [];
      for (const child of node.children) {
        if (child.type === 'text' && child.value && hasMarker(child.value)) {
          if (plain) children.push({ ...child, value: stripMarkers(child.value) });
          else for (const piece of splitMarkers(child.value)) children.push(typeof piece === 'string' ? { type: 'text', value: piece } : citationElement(byNumber.get(piece)));
          continue;
        }
        if (child.type === 'element') stack.push({ node: child, plain: plain || PLAIN_INSIDE.has(child.tagName ?? '') });
        children.push(child);
      }
      node.children = children;
    }
  };
}
