import type { ReactNode } from 'react';
import { TOOL_STYLE } from '../../lib/roles';
import type { ConversationItem } from '../../types';
import { ItemFrame } from '../item-frame';
import type { ItemViewProps } from '../item-view-props';
import * as bodies from './tool-bodies';

interface PairSpec {
  callLabel: string;
  outputLabel: string;
  title: (call: ConversationItem) => ReactNode;
  Call: bodies.Body;
  Output: bodies.Body;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const fn = (item: ConversationItem) => <code className="font-mono">{[text(item.namespace), text(item.name)].filter(Boolean).join('.') || 'function'}()</code>;
const mcp = (item: ConversationItem) => (
  <code className="font-mono">
    {text(item.server_label)}
    {item.server_label ? ' · ' : ''}
    {text(item.name)}
  </code>
);

/** Each call type with the output type that answers it, and how to show both halves. */
export const PAIR_SPECS: Record<string, PairSpec> = {
  function_call: { callLabel: 'Function call', outputLabel: 'Function output', title: fn, Call: bodies.FunctionCallBody, Output: bodies.ToolOutputBody },
  custom_tool_call: { callLabel: 'Custom tool call', outputLabel: 'Custom tool output', title: fn, Call: bodies.CustomToolCallBody, Output: bodies.ToolOutputBody },
  computer_call: { callLabel: 'Computer action', outputLabel: 'Computer screenshot', title: () => null, Call: bodies.ComputerCallBody, Output: bodies.ComputerOutputBody },
  local_shell_call: { callLabel: 'Local shell', outputLabel: 'Local shell output', title: () => null, Call: bodies.LocalShellCallBody, Output: bodies.LocalShellOutputBody },
  shell_call: { callLabel: 'Shell', outputLabel: 'Shell output', title: () => null, Call: bodies.ShellCallBody, Output: bodies.ShellOutputBody },
  apply_patch_call: { callLabel: 'Apply patch', outputLabel: 'Patch result', title: () => null, Call: bodies.ApplyPatchCallBody, Output: bodies.ApplyPatchOutputBody },
  tool_search_call: { callLabel: 'Tool search', outputLabel: 'Tools found', title: () => null, Call: bodies.ToolSearchCallBody, Output: bodies.ToolSearchOutputBody },
  program: { callLabel: 'Program', outputLabel: 'Program output', title: () => null, Call: bodies.ProgramBody, Output: bodies.ProgramOutputBody },
  mcp_approval_request: { callLabel: 'MCP approval request', outputLabel: 'MCP approval', title: mcp, Call: bodies.ApprovalRequestBody, Output: bodies.ApprovalResponseBody },
};

/** The call type each output type answers. */
export const OUTPUT_OF: Record<string, string> = {
  function_call_output: 'function_call',
  custom_tool_call_output: 'custom_tool_call',
  computer_call_output: 'computer_call',
  local_shell_call_output: 'local_shell_call',
  shell_call_output: 'shell_call',
  apply_patch_call_output: 'apply_patch_call',
  tool_search_output: 'tool_search_call',
  program_output: 'program',
  mcp_approval_response: 'mcp_approval_request',
};

function pairLabel(item: ConversationItem): string {
  return text(item.call_id) || text(item.approval_request_id) || text(item.id) || 'without a call ID';
}

/** "Function call" reads "function call" mid-sentence; "MCP approval request" keeps its acronym. */
function lowerFirst(label: string): string {
  return label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
}

function Missing({ children }: { children: ReactNode }) {
  return <p className="text-xs text-zinc-500 italic dark:text-zinc-400">{children}</p>;
}

/** A call with its output beneath it, when the output is loaded. */
export function CallItem({ item, partner, highlighted }: ItemViewProps) {
  const spec = PAIR_SPECS[item.type];
  return (
    <ItemFrame item={item} style={{ ...TOOL_STYLE, label: spec.callLabel }} subtitle={spec.title(item)} highlighted={highlighted}>
      <div className="space-y-3">
        <spec.Call item={item} />
        {partner ? (
          <div data-paired-output={partner.id} className="space-y-1.5 border-t border-sky-200 pt-3 dark:border-sky-900/60">
            <p className="text-xs font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">{spec.outputLabel}</p>
            <spec.Output item={partner} />
          </div>
        ) : (
          <Missing>No output loaded for {pairLabel(item)} yet: it may be on a page that has not loaded.</Missing>
        )}
      </div>
    </ItemFrame>
  );
}

/** An output: shown with its call when that is loaded, here on its own when it is not. */
export function OutputItem({ item, partner, highlighted }: ItemViewProps) {
  const spec = PAIR_SPECS[OUTPUT_OF[item.type]];
  return (
    <ItemFrame item={item} style={{ ...TOOL_STYLE, label: spec.outputLabel }} subtitle={partner ? spec.title(partner) : null} highlighted={highlighted}>
      {partner ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Shown with{' '}
          {partner.id ? (
            <a className="text-indigo-700 underline dark:text-indigo-300" href={`#${encodeURIComponent(partner.id)}`}>
              its {lowerFirst(spec.callLabel)}
            </a>
          ) : (
            `its ${lowerFirst(spec.callLabel)}`
          )}{' '}
          ({pairLabel(item)}).
        </p>
      ) : (
        <div className="space-y-2">
          <Missing>The {lowerFirst(spec.callLabel)} {pairLabel(item)} is not loaded: it may be on a page that has not loaded.</Missing>
          <spec.Output item={item} />
        </div>
      )}
    </ItemFrame>
  );
}
