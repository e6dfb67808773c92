import type { ReactNode } from 'react';
import { CALL_TYPE_OF, catalogEntry, foldsIntoCall, itemLabel, pairKey } from '../../../../shared/items/item-catalog';
import { toolSummary, type Outcome } from '../../../../shared/items/tool-summary';
import { revealBidi } from '../../../../shared/markdown/link-spoofing';
import { itemStyle } from '../../lib/roles';
import type { ConversationItem } from '../../types';
import { ItemFrame } from '../item-frame';
import type { ItemViewProps } from '../item-view-props';
import * as bodies from './tool-bodies';
import { LeftOutNote, useLeftOut } from '../../lib/left-out';

interface PairSpec {
  title: (call: ConversationItem) => ReactNode;
  Call: bodies.Body;
  Output: bodies.Body;
}

/** A name or ID as the row's title shows it: direction controls as code points, as a heading's are. */
const text = (value: unknown) => (typeof value === 'string' ? revealBidi(value) : '');
const fn = (item: ConversationItem) => <code className="font-mono">{[text(item.namespace), text(item.name)].filter(Boolean).join('.') || 'function'}()</code>;
const mcp = (item: ConversationItem) => (
  <code className="font-mono">
    {text(item.server_label)}
    {item.server_label ? ' · ' : ''}
    {text(item.name)}
  </code>
);

/** How to show both halves of each call type; which output answers it, and the labels, come from the catalog. */
export const PAIR_SPECS: Record<string, PairSpec> = {
  function_call: { title: fn, Call: bodies.FunctionCallBody, Output: bodies.ToolOutputBody },
  custom_tool_call: { title: fn, Call: bodies.CustomToolCallBody, Output: bodies.ToolOutputBody },
  computer_call: { title: () => null, Call: bodies.ComputerCallBody, Output: bodies.ComputerOutputBody },
  local_shell_call: { title: () => null, Call: bodies.ShellCallBody, Output: bodies.LocalShellOutputBody },
  shell_call: { title: () => null, Call: bodies.ShellCallBody, Output: bodies.ShellOutputBody },
  apply_patch_call: { title: () => null, Call: bodies.ApplyPatchCallBody, Output: bodies.ApplyPatchOutputBody },
  tool_search_call: { title: () => null, Call: bodies.ToolSearchCallBody, Output: bodies.ToolSearchOutputBody },
  program: { title: () => null, Call: bodies.ProgramBody, Output: bodies.ProgramOutputBody },
  mcp_approval_request: { title: mcp, Call: bodies.ApprovalRequestBody, Output: bodies.ApprovalResponseBody },
};

function pairLabel(item: ConversationItem): string {
  return text(item.call_id) || text(item.approval_request_id) || text(item.id) || 'without a call ID';
}

/** "Function call" reads "function call" mid-sentence; "MCP approval request" keeps its acronym. */
function lowerFirst(label: string): string {
  return label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
}

function Missing({ children }: { children: ReactNode }) {
  return <p className="text-xs text-zinc-600 italic dark:text-zinc-400">{children}</p>;
}

/** A link to another item; an item without an ID can only be named. */
function ItemLink({ item, children }: { item: ConversationItem; children: ReactNode }) {
  if (!item.id) return <>{children}</>;
  return (
    <a className="text-indigo-700 underline dark:text-indigo-300" href={`#${encodeURIComponent(item.id)}`}>
      {children}
    </a>
  );
}

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <span
      data-search-skip=""
      data-outcome={outcome.failed ? 'failed' : 'ok'}
      className={`shrink-0 rounded px-1.5 py-0.5 font-mono text-xs font-medium ${outcome.failed ? 'bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100' : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'}`}
    >
      {outcome.text}
    </span>
  );
}

/** An open row's outcome beside its status, as its one line shows it folded; a status that says it already is not said twice. */
function openOutcome(call: ConversationItem, output: ConversationItem | undefined): ReactNode {
  const outcome = toolSummary(call, output).outcome;
  return outcome && outcome.text !== call.status ? <OutcomeBadge outcome={outcome} /> : null;
}

/** The one line a collapsed call shows: key arguments, then status or exit code (and what a failure said) and output size. */
function CallSummary({ call, output }: { call: ConversationItem; output: ConversationItem | undefined }) {
  const summary = toolSummary(call, output);
  const failed = summary.outcome?.failed;
  const leftOut = useLeftOut('tool_outputs');
  return (
    // The arguments give way first, so the outcome and size stay readable on a narrow screen. Beside what a failure
    // said, they keep up to 40% of the line and the failure has the rest: a long error no longer squeezes the command
    // to one letter. On a phone, what a failure said takes a line of its own under the outcome.
    <span className="flex min-w-0 items-center gap-x-2 max-sm:flex-wrap">
      {/* On a phone the arguments take what is left of their line (a line's length at most), not a line of their own. */}
      <span className={`min-w-0 truncate font-mono text-xs ${failed && summary.outcome?.detail ? 'max-w-[40%] shrink-0 max-sm:hidden' : 'max-sm:max-w-fit max-sm:grow max-sm:basis-0'}`}>{revealBidi(summary.args)}</span>
      {summary.outcome ? <OutcomeBadge outcome={summary.outcome} /> : null}
      {summary.outcome?.detail ? (
        <span data-testid="failure-detail" className="min-w-0 flex-1 truncate font-mono text-xs text-rose-800 max-sm:order-last max-sm:basis-full dark:text-rose-300">
          {revealBidi(summary.outcome.detail)}
        </span>
      ) : null}
      {summary.size ? <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">→ {summary.size}</span> : null}
      {!output && call.type !== 'mcp_approval_request' ? <span className="shrink-0 text-xs text-zinc-600 italic dark:text-zinc-400">{leftOut ? 'output left out' : 'no output loaded'}</span> : null}
    </span>
  );
}

/** A call with its output beneath it, in one row. An approval request instead links to the answer, which keeps its own place. */
export function CallItem({ item, partner, highlighted }: ItemViewProps) {
  const spec = PAIR_SPECS[item.type];
  const ownRow = catalogEntry(item.type)?.pair?.partner === 'mcp_approval_response';
  const leftOut = useLeftOut('tool_outputs');
  return (
    <ItemFrame item={item} style={itemStyle(item)} subtitle={spec.title(item)} summary={<CallSummary call={item} output={partner} />} outcome={openOutcome(item, partner)} pairedId={partner && !ownRow ? partner.id : undefined} highlighted={highlighted}>
      <div className="space-y-3">
        <spec.Call item={item} />
        {partner && ownRow ? (
          <p data-answered-by={partner.id} className="text-sm text-zinc-700 dark:text-zinc-300">
            {partner.approve === true ? 'Approved' : 'Denied'} later in the conversation: <ItemLink item={partner}>see the answer</ItemLink>.
          </p>
        ) : partner ? (
          <div data-paired-output={partner.id} data-output-type={partner.type} className="space-y-1.5 border-t border-sky-200 pt-3 dark:border-sky-900/60">
            <p className="text-xs font-semibold tracking-wide text-sky-900 uppercase dark:text-sky-200">{itemLabel(partner.type)}</p>
            <spec.Output item={partner} />
          </div>
        ) : ownRow ? (
          <Missing>No answer loaded for this request yet.</Missing>
        ) : leftOut ? (
          <LeftOutNote what="Output" />
        ) : (
          <Missing>No output loaded for {pairLabel(item)} yet: it may be on a page that has not loaded.</Missing>
        )}
      </div>
    </ItemFrame>
  );
}

/**
 * An output on its own: its call is not loaded (an output whose call is loaded has no row; it shows in the call's),
 * or it is an approval, which stays where it happened and links back to its request.
 */
export function OutputItem({ item, partner, highlighted }: ItemViewProps) {
  const callType = CALL_TYPE_OF[item.type];
  const spec = PAIR_SPECS[callType];
  const key = pairKey(item);
  return (
    <ItemFrame
      item={item}
      style={itemStyle(item)}
      subtitle={partner ? spec.title(partner) : null}
      // Folded, an output on its own says what a call's row would: the status or exit code, what failed, the size.
      summary={foldsIntoCall(item.type) ? <CallSummary call={partner ?? item} output={item} /> : undefined}
      outcome={foldsIntoCall(item.type) ? openOutcome(partner ?? item, item) : undefined}
      highlighted={highlighted}
    >
      <div className="space-y-2">
        {!key ? (
          <Missing>This {lowerFirst(itemLabel(item.type))} has no {item.type === 'mcp_approval_response' ? 'approval_request_id' : 'call_id'}.</Missing>
        ) : partner ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Answers <ItemLink item={partner}>the {lowerFirst(itemLabel(callType))}</ItemLink>.
          </p>
        ) : (
          <Missing>The {lowerFirst(itemLabel(callType))} {pairLabel(item)} is not loaded: it may be on a page that has not loaded.</Missing>
        )}
        <spec.Output item={item} />
      </div>
    </ItemFrame>
  );
}
