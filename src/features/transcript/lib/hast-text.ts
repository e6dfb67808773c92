interface HastLike {
  type?: string;
  value?: unknown;
  children?: HastLike[];
}

/** The text of a rendered Markdown node, e.g. a code block, for its copy button. */
export function hastText(node: HastLike | undefined): string {
  if (!node) return '';
  if (node.type === 'text' && typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(hastText).join('');
}
