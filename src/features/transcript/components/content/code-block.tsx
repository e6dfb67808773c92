import { LongText, withoutFinalBreak } from './long-text';
import { useNearMarkdownView } from './markdown-chunk';
import { MARKDOWN_LIMIT } from '../../../../shared/markdown/markdown-limits';

interface CodeBlockProps {
  code: string;
  language: string;
  label?: string;
}

/** A fence longer than any backtick run in the code, so the code can never close it early. */
function fenced(code: string, language: string): string {
  // Counted in a loop: spreading every run into Math.max overflows the stack on code with many of them.
  let longest = 2;
  for (let index = 0, run = 0; index < code.length; index += 1) {
    run = code.charCodeAt(index) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  // The fence's own line break ends the last line: one at the code's end would show as an empty line.
  return `${fence}${language}\n${withoutFinalBreak(code)}\n${fence}`;
}

/** Code from a tool call, highlighted by the lazily loaded Markdown renderer; plain while it loads or when huge. */
export function CodeBlock({ code, language, label }: CodeBlockProps) {
  const fits = code.length <= MARKDOWN_LIMIT;
  const { ref, MarkdownView } = useNearMarkdownView(fits);
  const plain = <LongText text={code} variant="code" label={label} />;
  if (!fits) return plain;
  return (
    <div ref={ref}>
      {MarkdownView ? (
        <section aria-label={label}>
          <MarkdownView text={fenced(code, language)} />
        </section>
      ) : (
        plain
      )}
    </div>
  );
}
