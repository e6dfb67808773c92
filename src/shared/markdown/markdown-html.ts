import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkHtmlAsText, sanitizeSchema } from './markdown-rules.ts';
import { escapeHtml, escapeText } from './html-escape.ts';
import { simpleMarkdownHtml } from './markdown-simple.ts';
import { remarkGfmSyntax } from './remark-gfm-syntax.ts';
import { revealBidi, revealsBidi, spoofedTarget } from './link-spoofing.ts';
import { isSafeImageUrl, safeLinkHref } from './safe-url.ts';

export { escapeHtml, escapeText };

export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
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

/** The text of a node, as the reader sees it; without recursion, as links may hold deep trees. */
function hastText(node: HastNode): string {
  let text = '';
  const stack = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.type === 'text') text += next.value ?? '';
    for (let i = (next.children?.length ?? 0) - 1; i >= 0; i -= 1) stack.push(next.children![i]);
  }
  return text;
}

/** Where a link whose text names another address really goes, beside it, as the page shows it (`→ evil.example`); else nothing. */
export function realTargetHtml(text: string, href: string): string {
  const real = spoofedTarget(text, href);
  return real ? ` <span class="real-target" title="This link goes to ${escapeHtml(real)}, not to the address its text shows.">→ ${escapeHtml(real)}</span>` : '';
}

/** The page's link and image rules, for a file that loads nothing: unsafe links become text, remote images links. */
function element(node: HastNode, inner: () => string): string {
  const tag = node.tagName ?? 'span';
  const properties = node.properties ?? {};
  if (tag === 'a') {
    const href = safeLinkHref(properties.href);
    if (!href) return `<span class="removed-link" title="Link removed: unsafe or unsupported URL">${inner()}</span>`;
    // As on the page: direction controls in a link's text show as code points, and a text that names another address
    // is followed by where the link really goes.
    const link = `<a href="${escapeHtml(href)}"${properties.title ? ` title="${escapeHtml(String(properties.title))}"` : ''} rel="noopener noreferrer">${revealBidi(inner())}</a>`;
    return link + realTargetHtml(hastText(node), href);
  }
  if (tag === 'img') {
    const src = properties.src;
    const alt = typeof properties.alt === 'string' && properties.alt ? properties.alt : 'Image';
    if (typeof src === 'string' && src.startsWith('data:') && isSafeImageUrl(src)) return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
    const link = safeLinkHref(src);
    return link ? `<a href="${escapeHtml(link)}" rel="noopener noreferrer">${escapeHtml(alt)} ↗</a>` : `<span class="note">${escapeHtml(alt)}: not included.</span>`;
  }
  if (tag === 'input') return `<input type="checkbox" disabled${properties.checked ? ' checked' : ''}>`;
  if (tag === 'span' && Array.isArray(properties.className) && String(properties.className[0]).startsWith('hljs-')) {
    const short = TOKEN_CLASS[String(properties.className[0])];
    return short ? `<span class=${short}>${inner()}</span>` : inner();
  }
  if (VOID.has(tag)) return `<${tag}${attributes(properties)}>`;
  // As on the page: direction controls in a heading or code show as code points (a link's are shown above).
  return `<${tag}${attributes(properties)}>${revealsBidi(tag) ? revealBidi(inner()) : inner()}</${tag}>`;
}

/**
 * Highlighted tokens by the one-letter class the file styles (keyword, string, comment, number, title): a long
 * conversation holds hundreds of thousands of them. Tokens the file does not colour are written as their text alone.
 */
const TOKEN_CLASS: Record<string, string> = {
  'hljs-keyword': 'k', 'hljs-built_in': 'k', 'hljs-selector-tag': 'k',
  'hljs-string': 's', 'hljs-regexp': 's', 'hljs-addition': 's',
  'hljs-comment': 'c', 'hljs-quote': 'c', 'hljs-meta': 'c',
  'hljs-number': 'n', 'hljs-literal': 'n', 'hljs-deletion': 'n',
  'hljs-title': 't', 'hljs-type': 't', 'hljs-attr': 't', 'hljs-attribute': 't', 'hljs-variable': 't', 'hljs-property': 't',
};

/** Elements whose line breaks between children are only layout whitespace: left out, they are nodes the browser need not make. */
const BLOCK_PARENTS = new Set(['ol', 'ul', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'section']);

export function toHtml(node: HastNode): string {
  if (node.type === 'text') return escapeText(node.value ?? '');
  const inner = () => {
    const between = node.type === 'root' || BLOCK_PARENTS.has(node.tagName ?? '');
    let html = '';
    for (const child of node.children ?? []) if (!(between && child.type === 'text' && child.value === '\n')) html += toHtml(child);
    return html;
  };
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
    .join('');
}

// Built once: a processor costs more to make than a short message costs to render.
let processor: ReturnType<typeof createProcessor> | null = null;
let highlighter: ReturnType<typeof createHighlighter> | null = null;

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

function createHighlighter() {
  return unified().use(rehypeHighlight, { detect: false }).freeze();
}

/** Code blocks repeat in a run (the same file read again, the same command): each is highlighted once. */
const highlighted = new Map<string, string>();

/** A fenced block as the processor writes it: `language-` class when it has a language, highlighted when known. */
function fencedCode(language: string, text: string): string {
  const key = `${language}\n${text}`;
  let html = highlighted.get(key);
  if (html === undefined) {
    highlighter ??= createHighlighter();
    const code: HastNode = { type: 'element', tagName: 'code', properties: language ? { className: [`language-${language}`] } : {}, children: text ? [{ type: 'text', value: text }] : [] };
    const tree = highlighter.runSync({ type: 'root', children: [{ type: 'element', tagName: 'pre', properties: {}, children: [code] }] } as never) as HastNode;
    html = toHtml(tree);
    if (highlighted.size >= 500) highlighted.clear();
    highlighted.set(key, html);
  }
  return html;
}

/** The whole processor, for any text: the reference the quicker paths are tested against. */
export function parsedMarkdownToHtml(text: string): string {
  processor ??= createProcessor();
  const tree = processor.runSync(processor.parse(text)) as HastNode;
  return toHtml(tree);
}

/**
 * Markdown as HTML by the page's rules: GitHub-flavoured, raw HTML shown as text, sanitised with the same schema,
 * code highlighted with classes. The caller checks `plainMarkdownReason` first, as the page does. Prose and the
 * plain Markdown chat is mostly written in are rendered without the parser, to the same HTML.
 */
export function markdownToHtml(text: string): string {
  if (isPlainProse(text)) return plainParagraphs(text);
  return simpleMarkdownHtml(text, fencedCode) ?? parsedMarkdownToHtml(text);
}
