import { lazy, Suspense } from 'react';
import { useNearViewport } from '../../lib/use-near-viewport';
import { LongText } from './long-text';
import { MARKDOWN_LIMIT } from '../../../../shared/markdown/markdown-rules';

const MarkdownView = lazy(() => import('./markdown-view').then((module) => ({ default: module.MarkdownView })));

interface CodeBlockProps {
  code: string;
  language: string;
  label?: string;
}

/** A fence longer than any backtick run in the code, so the code can never close it early. */
function fenced(code: string, language: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}

/** Code from a tool call, highlighted by the lazily loaded Markdown renderer; plain while it loads or when huge. */
export function CodeBlock({ code, language, label }: CodeBlockProps) {
  const { ref, near } = useNearViewport<HTMLDivElement>();
  const plain = <LongText text={code} variant="code" label={label} />;
  if (code.length > MARKDOWN_LIMIT) return plain;
  return (
    <div ref={ref}>
      {near ? (
        <Suspense fallback={plain}>
          <section aria-label={label}>
            <MarkdownView text={fenced(code, language)} />
          </section>
        </Suspense>
      ) : (
        plain
      )}
    </div>
  );
}
