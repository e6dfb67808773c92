import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { remarkGfmSyntax } from '../../../../shared/markdown/remark-gfm-syntax';
import { CopyButton } from '../../../../components/copy-button';
import { markCitations, type Citation } from '../../lib/citations';
import { hastText } from '../../lib/hast-text';
import { loadGrammars, missingGrammars } from '../../lib/highlight-languages';
import { spoofedTarget } from '../../lib/link-spoofing';
import { rehypeCitations } from '../../lib/rehype-citations';
import { rehypeCodeHighlight } from '../../lib/rehype-code-highlight';
import { rehypeRevealBidi } from '../../lib/rehype-reveal-bidi';
import { safeLinkHref } from '../../../../shared/markdown/safe-url';
import { remarkHtmlAsText, sanitizeSchema } from '../../../../shared/markdown/markdown-rules';
import { SafeImage } from './safe-image';
import './markdown-view.css';

/** Only absolute http(s)/mailto links survive; javascript:, vbscript:, data: and the rest become inert. */
function urlTransform(url: string, key: string): string {
  if (key === 'src') return url;
  return safeLinkHref(url) ?? '';
}

const components: Components = {
  a({ node, href, title, children }) {
    const safe = safeLinkHref(href);
    if (!safe) return <span className="text-zinc-600 dark:text-zinc-400 underline decoration-dotted" title="Link removed: unsafe or unsupported URL">{children}</span>;
    if (node?.properties?.dataCitation !== undefined) {
      return (
        <a href={safe} title={title} target="_blank" rel="noopener noreferrer" data-citation="" className="ml-0.5 align-super text-[0.7em] font-semibold text-indigo-700 no-underline hover:underline dark:text-indigo-300">
          {children}
        </a>
      );
    }
    const realTarget = spoofedTarget(hastText(node), safe);
    return (
      <>
        <a href={safe} title={title} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
        {realTarget ? (
          <span data-real-target="" title={`This link goes to ${realTarget}, not to the address its text shows.`} className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            → {realTarget}
          </span>
        ) : null}
      </>
    );
  },
  input({ type, checked }) {
    if (type !== 'checkbox') return null;
    return <input type="checkbox" checked={Boolean(checked)} disabled aria-label={checked ? 'Done' : 'Not done'} className="mr-1.5 align-middle" />;
  },
  img({ src, alt }) {
    return <SafeImage src={src} alt={alt || 'Image from the conversation'} />;
  },
  pre({ node, children }) {
    return (
      <div className="group/code relative">
        <ScrollablePre>{children}</ScrollablePre>
        <CopyButton
          text={() => hastText(node)}
          label="Copy"
          title="Copy code"
          className="absolute top-2 right-2 bg-white/90 opacity-0 group-hover/code:opacity-100 focus-visible:opacity-100 dark:bg-zinc-900/90"
        />
      </div>
    );
  },
  table({ children }) {
    return (
      <div className="overflow-x-auto">
        <table>{children}</table>
      </div>
    );
  },
};

/** A code block that scrolls sideways takes a Tab stop, so the keyboard can scroll it too; one that fits takes none. */
function ScrollablePre({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLPreElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    // Measured at once, so that a block that scrolls can take focus (keyboard users scroll it) from its first frame;
    // test DOMs have no ResizeObserver, and the first measure is all they need.
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
  return <pre ref={ref} tabIndex={scrolls ? 0 : undefined}>{children}</pre>;
}

interface MarkdownViewProps {
  text: string;
  /** Placed as elements after the spans they cite, once the text is parsed. */
  citations?: readonly Citation[];
  /** Rendered after the Markdown, e.g. the list of cited sources. */
  after?: ReactNode;
}

/** Loads the grammars the text's code blocks name, and renders again once they are there (highlighted then). */
function useCodeGrammars(text: string) {
  const missing = missingGrammars(text).join(',');
  const [, setLoaded] = useState('');
  useEffect(() => {
    if (!missing) return;
    let current = true;
    void loadGrammars(missing.split(',')).then(() => {
      if (current) setLoaded(missing);
    });
    return () => {
      current = false;
    };
  }, [missing]);
}

/** GitHub-flavoured Markdown with syntax highlighting; loaded lazily, outside the first bundle, as are its grammars. */
export function MarkdownView({ text, citations = [], after }: MarkdownViewProps) {
  useCodeGrammars(text);
  return (
    <div className="prose prose-zinc max-w-none text-[15px] break-words dark:prose-invert prose-code:before:content-none prose-code:after:content-none prose-blockquote:font-normal [&_blockquote_p]:before:content-none [&_blockquote_p]:after:content-none [&_.contains-task-list]:list-none [&_.contains-task-list]:pl-1 [&_.task-list-item]:pl-0 prose-pre:bg-zinc-100 prose-pre:text-zinc-800 dark:prose-pre:bg-zinc-950 dark:prose-pre:text-zinc-200">
      <Markdown
        remarkPlugins={[remarkGfmSyntax, remarkHtmlAsText]}
        rehypePlugins={[[rehypeSanitize, sanitizeSchema], rehypeCitations(citations), rehypeRevealBidi, rehypeCodeHighlight]}
        urlTransform={urlTransform}
        components={components}
      >
        {citations.length ? markCitations(text, citations) : text}
      </Markdown>
      {after}
    </div>
  );
}
