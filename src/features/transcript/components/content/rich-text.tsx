import { Icon } from '../../../../components/icons';
import { segmentText, type Citation } from '../../lib/citations';
import { revealBidi, spoofedTarget } from '../../../../shared/markdown/link-spoofing';
import { plainMarkdownReason } from '../../../../shared/markdown/markdown-limits';
import { safeLinkHref } from '../../../../shared/markdown/safe-url';
import { LongText } from './long-text';
import { useNearMarkdownView } from './markdown-chunk';

export type TextMode = 'markdown' | 'plain';

interface RichTextProps {
  text: string;
  mode: TextMode;
  citations?: readonly Citation[];
}

function CitationMarker({ citation }: { citation: Citation }) {
  const href = citation.href ? safeLinkHref(citation.href) : null;
  const label = `[${citation.number}]`;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" data-citation="" title={citation.label} className="ml-0.5 align-super text-[0.7em] font-semibold text-indigo-700 dark:text-indigo-300">
      {label}
    </a>
  ) : (
    <span data-citation="" title={citation.label} className="ml-0.5 align-super text-[0.7em] font-semibold text-zinc-600 dark:text-zinc-400">
      {label}
    </span>
  );
}

function CitationList({ citations }: { citations: readonly Citation[] }) {
  if (citations.length === 0) return null;
  return (
    <ol aria-label="Sources" className="not-prose mt-3 space-y-1 border-t border-zinc-200 pt-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      {citations.map((citation) => (
        <li key={citation.number} className="flex gap-1.5">
          <span className="font-semibold">[{citation.number}]</span>
          {citation.kind === 'file' ? <Icon name="file" className="size-3.5" /> : null}
          {citation.href ? (
            <>
              <a href={citation.href} target="_blank" rel="noopener noreferrer" className="min-w-0 break-all text-indigo-700 underline dark:text-indigo-300">
                {revealBidi(citation.label)}
              </a>
              {spoofedTarget(citation.label, citation.href) ? <span data-real-target="" className="text-amber-800 dark:text-amber-200">→ {spoofedTarget(citation.label, citation.href)}</span> : null}
            </>
          ) : (
            <span className="min-w-0 break-all">{revealBidi(citation.label)}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

function LazyMarkdown({ text, citations }: { text: string; citations: readonly Citation[] }) {
  const { ref, MarkdownView } = useNearMarkdownView();
  return <div ref={ref}>{MarkdownView ? <MarkdownView text={text} citations={citations} after={<CitationList citations={citations} />} /> : <LongText text={text} />}</div>;
}

/** Text from a conversation as Markdown or as written, with citation markers on the spans they cite. */
export function RichText({ text, mode, citations = [] }: RichTextProps) {
  const reason = mode === 'markdown' ? plainMarkdownReason(text) : null;
  if (mode === 'markdown' && reason === null) return <LazyMarkdown text={text} citations={citations} />;
  if (citations.length === 0) {
    return (
      <div>
        {reason ? <p className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">{reason}</p> : null}
        <LongText text={text} />
      </div>
    );
  }
  return (
    <div>
      <p className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
        {segmentText(text, citations).map((segment, index) =>
          'text' in segment ? <span key={index}>{revealBidi(segment.text)}</span> : <CitationMarker key={index} citation={segment.citation} />,
        )}
      </p>
      <CitationList citations={citations} />
    </div>
  );
}
