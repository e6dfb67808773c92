import { urlAttributes } from 'html-url-attributes';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkHtmlAsText, sanitizeSchema } from '../../../shared/markdown/markdown-rules';
import { remarkGfmSyntax } from '../../../shared/markdown/remark-gfm-syntax';
import { safeLinkHref } from '../../../shared/markdown/safe-url';
import { markCitations, type Citation } from './citations';
import { loadGrammars, missingGrammars } from './highlight-languages';
import { rehypeCitations, type HastNode } from './rehype-citations';
import { rehypeCodeHighlight } from './rehype-code-highlight';
import { rehypeRevealBidi } from './rehype-reveal-bidi';

/** A Markdown text as the page renders it: parsed, sanitised, cited, highlighted, its links made safe. Plain data. */
export interface MarkdownTree {
  type: 'root';
  children: HastNode[];
}

/** Parsing and sanitising: the same for every text, so built once. */
const processor = unified().use(remarkParse).use(remarkGfmSyntax).use(remarkHtmlAsText).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSanitize, sanitizeSchema);

/** Only absolute http(s)/mailto links survive; javascript:, vbscript:, data: and the rest become inert. Images keep theirs. */
function safeUrl(url: string, attribute: string): string {
  if (attribute === 'src') return url;
  return safeLinkHref(url) ?? '';
}

/**
 * The last pass before rendering: raw HTML left over becomes its text, URL attributes go through `safeUrl`, and the
 * source positions go (nothing renders them, and the tree may be copied to another thread). No recursion.
 */
function finish(tree: HastNode) {
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop()! as HastNode & { position?: unknown };
    delete node.position;
    if (node.type === 'raw') {
      node.type = 'text';
      continue;
    }
    if (node.type === 'element' && node.properties) {
      for (const [attribute, tags] of Object.entries(urlAttributes)) {
        if (Object.hasOwn(node.properties, attribute) && (tags === null || tags.includes(node.tagName ?? ''))) {
          node.properties[attribute] = safeUrl(String(node.properties[attribute] ?? ''), attribute);
        }
      }
    }
    // A loop, not push(...children): a node may hold more children than a call takes arguments.
    if (node.children) for (const child of node.children) stack.push(child);
  }
}

/** The tree of a text with the grammars loaded so far: a block in a language not loaded stays as written. */
export function markdownTreeNow(text: string, citations: readonly Citation[] = []): MarkdownTree {
  const source = citations.length ? markCitations(text, citations) : text;
  const tree = processor.runSync(processor.parse(source)) as unknown as HastNode;
  if (citations.length) rehypeCitations(citations)()(tree);
  rehypeRevealBidi()(tree);
  rehypeCodeHighlight()(tree);
  finish(tree);
  return tree as MarkdownTree;
}

/** The tree of any text: the grammars its code blocks name are fetched first. */
export async function markdownTree(text: string, citations: readonly Citation[] = []): Promise<MarkdownTree> {
  const missing = missingGrammars(text);
  if (missing.length) await loadGrammars(missing);
  return markdownTreeNow(text, citations);
}
