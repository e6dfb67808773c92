import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { CopyButton } from '../../../../components/copy-button';
import { ROOM_FOR_CORNER_BUTTON } from '../../../../components/touch-target';
import type { Citation } from '../../lib/citations';
import { hastText } from '../../lib/hast-text';
import { spoofedTarget } from '../../../../shared/markdown/link-spoofing';
import { cachedMarkdownTree, markdownKey, requestMarkdownTree } from '../../lib/markdown-client';
import type { MarkdownTree } from '../../lib/markdown-tree';
import { safeLinkHref } from '../../../../shared/markdown/safe-url';
import { LongText } from './long-text';
import { SafeImage } from './safe-image';

const components: Partial<Components> = {
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
    // Out of the line, level with its first line: a task's text that wraps goes on under its own start.
    return <input type="checkbox" checked={Boolean(checked)} disabled aria-label={checked ? 'Done' : 'Not done'} className="absolute left-0 m-0 mt-[calc(0.5lh-0.5em)] size-[1em] [font:inherit]" />;
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
          className="absolute top-2 right-2 bg-white/90 group-hover/code:opacity-100 focus-visible:opacity-100 dark:bg-zinc-900/90 [@media(hover:hover)]:opacity-0"
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

/**
 * A code block that scrolls sideways takes a Tab stop, so the keyboard can scroll it too; one that fits takes none.
 * It starts with one, and its observer (which reports after layout, in the same frame) takes it away if the block
 * fits: reading its width at mount would lay the page out in the middle of rendering each new row.
 */
function ScrollablePre({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLPreElement>(null);
  const [scrolls, setScrolls] = useState(true);
  useLayoutEffect(() => {
    const element = ref.current;
    // Test DOMs have no ResizeObserver: there the block measures itself once.
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    if (typeof ResizeObserver === 'undefined') return measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
  return <pre ref={ref} tabIndex={scrolls ? 0 : undefined} className={ROOM_FOR_CORNER_BUTTON}>{children}</pre>;
}

interface MarkdownViewProps {
  text: string;
  /** Placed as elements after the spans they cite, once the text is parsed. */
  citations?: readonly Citation[];
  /** Rendered after the Markdown, e.g. the list of cited sources. */
  after?: ReactNode;
}

/**
 * The text's rendered tree: kept from an earlier render, or asked of the Markdown worker (parsing takes milliseconds
 * per kilobyte, too long for a frame that brings ten new rows in); null until it comes. Without a worker (a test DOM)
 * it is rendered on this thread a task later.
 */
function useMarkdownTree(text: string, citations: readonly Citation[]): MarkdownTree | null {
  const key = markdownKey(text, citations);
  const [, rendered] = useReducer((count: number) => count + 1, 0);
  const tree = cachedMarkdownTree(key);
  const missing = !tree;
  // The key holds the text and its citations; the request reads them as they are when it is made.
  const request = useEffectEvent(() => requestMarkdownTree(key, text, citations));
  useEffect(() => {
    if (!missing) return;
    let current = true;
    const asked = request();
    asked.promise.then(
      () => current && rendered(),
      () => undefined,
    );
    return () => {
      current = false;
      asked.cancel();
    };
    // A new text (a new key) asks again even while both trees are missing.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [key, missing]);
  return tree ?? null;
}

function renderTree(tree: MarkdownTree): ReactNode {
  return toJsxRuntime(tree as Parameters<typeof toJsxRuntime>[0], { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true });
}

/** GitHub-flavoured Markdown with syntax highlighting; loaded lazily, outside the first bundle, as are its grammars. */
export function MarkdownView({ text, citations = [], after }: MarkdownViewProps) {
  const tree = useMarkdownTree(text, citations);
  // Rendering a tree is cheap next to parsing; it is redone only when the text's tree changes.
  const content = useMemo(() => (tree ? renderTree(tree) : null), [tree]);
  return (
    // Headings a step smaller than an article's: a message's h1 would otherwise stand over a phone's screen at twice
    // the size of the page's own title.
    <div className="prose prose-zinc max-w-none text-[15px] break-words dark:prose-invert prose-h1:text-[1.5em] prose-h2:text-[1.25em] prose-h3:text-[1.125em] prose-code:before:content-none prose-code:after:content-none prose-blockquote:font-normal [&_blockquote_p]:before:content-none [&_blockquote_p]:after:content-none [&_.contains-task-list]:list-none [&_.contains-task-list]:pl-1 [&_.task-list-item]:relative [&_.task-list-item]:pl-6 prose-pre:bg-zinc-100 prose-pre:text-zinc-800 dark:prose-pre:bg-zinc-950 dark:prose-pre:text-zinc-200">
      {content ?? (
        <div data-markdown-pending="" className="not-prose">
          <LongText text={text} />
        </div>
      )}
      {after}
    </div>
  );
}
