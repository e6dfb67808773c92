import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkHtmlAsText, sanitizeSchema } from './markdown-rules.ts';
import { remarkGfmSyntax } from './remark-gfm-syntax.ts';
import { isSafeImageUrl, safeLinkHref } from './safe-url.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Everything that comes from a conversation goes through here: nothing in it can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Text between tags needs only these three escaped; quotes stay as they are, which keeps JSON readable and short. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);

/** hast property names as HTML attributes: className → class, ariaHidden → aria-hidden, dataFootnote → data-footnote. */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (/^(aria|data)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

function attributes(properties: Record<string, unknown> = {}): string {
  let text = '';
  for (const [key, value] of Object.entries(properties)) {
    if (value === false || value === null || value === undefined) continue;
    const name = attributeName(key);
    text += value === true ? ` ${name}` : ` ${name}="${escapeHtml(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return text;
}

/** The page's link and image rules, for a file that loads nothing: unsafe links become text, remote images links. */
function element(node: HastNode, inner: () => string): string {
  const tag = node.tagName ?? 'span';
  const properties = node.properties ?? {};
  if (tag === 'a') {
    const href = safeLinkHref(properties.href);
    if (!href) return `<span class="removed-link" title="Link removed: unsafe or unsupported URL">${inner()}</span>`;
    return `<a href="${escapeHtml(href)}"${properties.title ? ` title="${escapeHtml(String(properties.title))}"` : ''} rel="noopener noreferrer">${inner()}</a>`;
  }
  if (tag === 'img') {
    const src = properties.src;
    const alt = typeof properties.alt === 'string' && properties.alt ? properties.alt : 'Image';
    if (typeof src === 'string' && src.startsWith('data:') && isSafeImageUrl(src)) return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
    const link = safeLinkHref(src);
    return link ? `<a href="${escapeHtml(link)}" rel="noopener noreferrer">${escapeHtml(alt)} ↗</a>` : `<span class="note">${escapeHtml(alt)}: not included.</span>`;
  }
  if (tag === 'input') return `<input type="checkbox" disabled${properties.checked ? ' checked' : ''}>`;
  if (VOID.has(tag)) return `<${tag}${attributes(properties)}>`;
  return `<${tag}${attributes(properties)}>${inner()}</${tag}>`;
}

function toHtml(node: HastNode): string {
  if (node.type === 'text') return escapeText(node.value ?? '');
  const inner = () => (node.children ?? []).map(toHtml).join('');
  if (node.type === 'root') return inner();
  return node.type === 'element' ? element(node, inner) : '';
}

/**
 * Text with nothing Markdown would read as syntax: no punctuation that marks, no line that starts with a space, a
 * digit, a marker or an underline, no autolink, no hard break. Most chat prose is like this, and parsing it costs
 * a millisecond each; it renders exactly as the parser would render it.
 */
const MARKUP = /[\\`*_[\]<>#|~!&:@$=+-]|www\.|^\s|\s$|^\d|\n[ \t\d]| \n|\t/;

function isPlainProse(text: string): boolean {
  return !MARKUP.test(text) && !/\n\s*\n\s*\n|\n\s+\n/.test(text);
}

function plainParagraphs(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeText(paragraph)}</p>`)
    .join('\n');
}

// Built once: a processor costs more to make than a short message costs to render.
let processor: ReturnType<typeof createProcessor> | null = null;

function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfmSyntax)
    .use(remarkHtmlAsText)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHighlight, { detect: false })
    .freeze();
}

/**
 * Markdown as HTML by the page's rules: GitHub-flavoured, raw HTML shown as text, sanitised with the same schema,
 * code highlighted with classes. The caller checks `plainMarkdownReason` first, as the page does.
 */
export function markdownToHtml(text: string): string {
  if (isPlainProse(text)) return plainParagraphs(text);
  processor ??= createProcessor();
  const tree = processor.runSync(processor.parse(text)) as HastNode;
  return toHtml(tree);
}
