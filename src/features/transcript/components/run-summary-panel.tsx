import { useNarrowScreen } from '../../../lib/use-narrow-screen';
import { TOKENIZER_NOTE } from '../../../shared/items/token-labels';
import { Fragment, useContext, useState } from 'react';
import { breakdown, byCount, type ItemCounts } from '../../../shared/items/item-counts';
import { LeftOutContext } from '../lib/left-out';
import { failuresNoneText } from '../../../shared/snapshots/failures-text';
import { itemLabel } from '../../../shared/items/item-catalog';
import type { RunSummaryView, TokenState } from '../data/use-run-summary';
import { formatCount, plural } from '../../../shared/format';
import { TOUCH_TARGET } from '../../../components/touch-target';
import { revealBidi } from '../../../shared/markdown/link-spoofing';

interface RunSummaryPanelProps {
  view: RunSummaryView;
  /** The same counts the filter shows. */
  counts: ItemCounts;
  tokens: TokenState;
  /** Brings an oldest-first row into view and focuses it, revealing it if the filter hides it. */
  onJump: (row: number) => void;
  failuresOnly: boolean;
  onFailuresOnly: (on: boolean) => void;
  /** The one tool whose calls the list shows, or null. */
  onlyTool: string | null;
  onOnlyTool: (name: string | null) => void;
}

/** How many tool names the summary lists before "and N other tools". */
const TOOLS_SHOWN = 12;
/** On a phone, where twelve names take most of a screen before the first message. */
const TOOLS_SHOWN_NARROW = 5;
const button = `${TOUCH_TARGET} rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-50 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-pressed:border-indigo-500 dark:aria-pressed:bg-indigo-500 dark:aria-pressed:text-zinc-950`;

/** What the run did at a glance: title, counts, failures with a way to step through them, and its size in tokens. */
export function RunSummaryPanel({ view, counts, tokens, onJump, failuresOnly, onFailuresOnly, onlyTool, onOnlyTool }: RunSummaryPanelProps) {
  const { title, failureRows } = view;
  // A snapshot that left outputs out may hide the failures they showed: its manifest keeps the original count.
  const leftOut = useContext(LeftOutContext);
  // A snapshot that emptied reasoning items still holds the items: the count says whose content is not here (a
  // compaction's is encrypted, left out only with encrypted content).
  // The manifest counts messages whose reasoning parts went too: what is said is capped at the reasoning items here.
  const reasoningItems = counts.byName.reasoning.get(itemLabel('reasoning')) ?? 0;
  const reasoningLeftOut = leftOut?.content.includes('reasoning') ? Math.min(leftOut.reasoning ?? reasoningItems, reasoningItems) : 0;
  const [current, setCurrent] = useState(-1);
  const go = (at: number) => {
    const wrapped = (at + failureRows.length) % failureRows.length;
    setCurrent(wrapped);
    onJump(failureRows[wrapped]);
  };
  const roles = byCount(counts.byName.messages);
  const tools = byCount(counts.byName.tools);
  const [allTools, setAllTools] = useState(false);
  const toolsShown = useNarrowScreen() ? TOOLS_SHOWN_NARROW : TOOLS_SHOWN;
  // The busiest tools by name, and the chosen one wherever it ranks, so its pressed button always shows.
  const shownTools = allTools || tools.length <= toolsShown ? tools : tools.filter(([name], at) => at < toolsShown || name === onlyTool);
  const hiddenTools = tools.length - shownTools.length;
  const reasoning = byCount(counts.byName.reasoning);
  const other = byCount(counts.byName.other);
  return (
    <section aria-label="Run summary" data-testid="run-summary" className="space-y-2 rounded-xl border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      {title ? (
        <h2 className="text-base font-semibold break-words text-zinc-900 dark:text-zinc-100" data-testid="run-title">
          {title}
        </h2>
      ) : null}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">
        <dt className="font-medium">Messages</dt>
        <dd data-testid="summary-messages">
          {formatCount(counts.byKind.messages)}
          {roles.length > 0 ? ` (${roles.map(([role, count]) => `${formatCount(count)} ${revealBidi(role)}`).join(', ')})` : ''}
        </dd>
        {tools.length > 0 ? (
          <>
            <dt className="font-medium">Tools</dt>
            <dd data-testid="summary-tools">
              {formatCount(counts.byKind.tools)}:{' '}
              {shownTools.map(([name, count], at) => (
                // The comma stays with its tool: a line never starts with one.
                <Fragment key={name}>
                <span className="whitespace-nowrap">
                  {/* Each tool narrows the list to its calls, and again to everything. */}
                  <button
                    type="button"
                    aria-pressed={onlyTool === name}
                    onClick={() => onOnlyTool(onlyTool === name ? null : name)}
                    title={onlyTool === name ? 'Show every item again' : `Show only the ${revealBidi(name)} calls`}
                    className={`${TOUCH_TARGET} rounded px-0.5 text-left whitespace-normal underline decoration-zinc-400 decoration-dotted underline-offset-2 hover:bg-zinc-200 hover:decoration-solid aria-pressed:bg-indigo-600 aria-pressed:text-white aria-pressed:no-underline dark:decoration-zinc-500 dark:hover:bg-zinc-800 dark:aria-pressed:bg-indigo-500 dark:aria-pressed:text-zinc-950`}
                  >
                    {revealBidi(name)} {formatCount(count)}
                  </button>
                  {at < shownTools.length - 1 || hiddenTools > 0 ? ',' : null}
                </span>{' '}
                </Fragment>
              ))}
              {hiddenTools > 0 || (allTools && tools.length > toolsShown) ? (
                // Every tool can be chosen: the rest of the names are a click away, and a few less again.
                <button
                  type="button"
                  aria-expanded={allTools}
                  onClick={() => setAllTools(!allTools)}
                  className={`${TOUCH_TARGET} rounded px-0.5 font-medium text-indigo-700 hover:bg-zinc-200 hover:underline dark:text-indigo-300 dark:hover:bg-zinc-800`}
                >
                  {allTools ? 'fewer tools' : `and ${plural(hiddenTools, 'other tool')}`}
                </button>
              ) : null}
            </dd>
          </>
        ) : null}
        {counts.byKind.reasoning > 0 ? (
          <>
            <dt className="font-medium">Reasoning</dt>
            <dd data-testid="summary-reasoning">
              {revealBidi(breakdown(counts.byKind.reasoning, reasoning))}
              {reasoningLeftOut > 0 ? (
                <span className="text-zinc-600 dark:text-zinc-400">
                  , {reasoningLeftOut >= counts.byKind.reasoning ? 'their content' : `the content of ${formatCount(reasoningLeftOut)}`} left out of this {leftOut?.by}
                </span>
              ) : null}
            </dd>
          </>
        ) : null}
        {counts.byKind.other > 0 ? (
          <>
            <dt className="font-medium">Other</dt>
            <dd data-testid="summary-other">{revealBidi(breakdown(counts.byKind.other, other))}</dd>
          </>
        ) : null}
        <dt className="font-medium">Size</dt>
        <dd data-testid="summary-tokens" title={TOKENIZER_NOTE}>
          {tokens.failed ? (
            <span title={tokens.failed}>no estimate: the tokenizer could not be loaded. Reload the page to try again.</span>
          ) : (
            <>
              {tokens.revision === 0 ? 'counting tokens…' : `≈ ${plural(tokens.counts.total, 'token')}${tokens.done ? '' : ' so far'}`} <span className="text-zinc-600 dark:text-zinc-400">(estimate)</span>
            </>
          )}
        </dd>
        <dt className="font-medium">Failures</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {failureRows.length === 0 ? (
            <span data-testid="summary-failures">
              {failuresNoneText(leftOut?.originalFailures, leftOut?.by === 'download' && leftOut.content.includes('tool_outputs'))}
            </span>
          ) : (
            <>
              <span data-testid="summary-failures" className="font-medium text-rose-800 dark:text-rose-300">
                {plural(failureRows.length, 'failed or incomplete item')}
              </span>
              <button type="button" className={button} onClick={() => go(0)} title="Go to the first failed or incomplete item">
                First failure
              </button>
              {/* Before any step, Previous goes to the last failure, as a step back from the first would. */}
              <button type="button" className={button} onClick={() => go(current < 0 ? failureRows.length - 1 : current - 1)} aria-label="Previous failure" title="Go to the previous failed or incomplete item">
                ← Previous
              </button>
              <button type="button" className={button} onClick={() => go(current + 1)} aria-label="Next failure" title="Go to the next failed or incomplete item">
                Next →
              </button>
              {current >= 0 ? <output className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{`${current + 1} of ${failureRows.length}`}</output> : null}
              <button type="button" className={button} aria-pressed={failuresOnly} onClick={() => onFailuresOnly(!failuresOnly)} title="Show only the failed or incomplete items">
                Failures only
              </button>
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
