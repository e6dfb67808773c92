import { displayText, messageText } from './display-text.ts';
import { inlineJson } from './inline-json.ts';
import { outcomeOf, parseJsonText as parse, type Outcome } from './tool-outcome.ts';

type ConversationItem = { type: string; id?: string; [field: string]: unknown };

export type { Outcome };
export { outcomeOf };

export interface ToolSummary {
  /** The key arguments, short. */
  args: string;
  outcome: Outcome | null;
  /** How much output there is, e.g. "2.4 KB". */
  size: string | null;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function clip(text: string, max: number): string {
  // Only the start is shown: a megabyte output is not collapsed whole for one line of it.
  const line = (text.length > max * 8 ? text.slice(0, max * 8) : text).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function shortValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value, 28));
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value && typeof value === 'object') return '{…}';
  return displayText(value);
}

/** `path: "src/app.ts", line: 3, …`: the first few arguments, each cut short. */
export function shortArgs(value: unknown): string {
  const parsed = parse(value);
  if (typeof parsed === 'string') return clip(parsed, 80);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed === undefined ? '' : clip(inlineJson(parsed, 80) ?? displayText(parsed), 80);
  const entries = Object.entries(parsed);
  const shown = entries.slice(0, 3).map(([key, child]) => `${key}: ${shortValue(child)}`);
  return shown.join(', ') + (entries.length > 3 ? ', …' : '');
}

function callArgs(call: ConversationItem): string {
  const action = record(call.action);
  switch (call.type) {
    case 'custom_tool_call':
      return clip(str(call.input), 80);
    case 'local_shell_call':
      return clip(Array.isArray(action.command) ? action.command.map(displayText).join(' ') : '', 80);
    case 'shell_call':
      return clip(Array.isArray(action.commands) ? action.commands.map(displayText).join('; ') : '', 80);
    case 'apply_patch_call': {
      const operation = record(call.operation);
      return clip(`${str(operation.type).replace('_', ' ')} ${str(operation.path)}`, 80);
    }
    case 'computer_call': {
      const first = record(Array.isArray(call.actions) ? call.actions[0] : call.action);
      return clip([str(first.type), first.x !== undefined ? `(${displayText(first.x)}, ${displayText(first.y)})` : '', str(first.text)].filter(Boolean).join(' '), 80);
    }
    case 'program':
      return clip(str(call.code).split('\n')[0] ?? '', 80);
    default:
      return shortArgs(call.arguments);
  }
}

function formatSize(chars: number): string {
  if (chars < 1000) return `${chars} B`;
  return chars < 1_000_000 ? `${(chars / 1000).toFixed(1)} KB` : `${(chars / 1_000_000).toFixed(1)} MB`;
}

function outputSize(output: ConversationItem): string | null {
  const value = output.type === 'program_output' ? output.result : output.type === 'tool_search_output' ? output.tools : output.output;
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return formatSize(value.length);
  if (typeof record(value).image_url === 'string') return 'image';
  return formatSize(displayText(value).length);
}

/** One line for a collapsed tool row: key arguments, status or exit code, output size. */
export function toolSummary(call: ConversationItem, output: ConversationItem | undefined): ToolSummary {
  return {
    args: callArgs(call),
    outcome: outcomeOf(call, output),
    size: output && call.type !== 'mcp_approval_request' ? outputSize(output) : null,
  };
}

const count = (value: unknown, what: string) => (Array.isArray(value) ? `${value.length} ${what}${value.length === 1 ? '' : 's'}` : '');

/** One line for a collapsed item that is not a call with an output: the first words, or what it looked for or did. */
export function itemSummaryLine(item: ConversationItem): string {
  const action = record(item.action);
  switch (item.type) {
    case 'web_search_call':
      return clip(str(action.query) || (Array.isArray(action.queries) ? action.queries.map(displayText).join(' · ') : '') || str(action.url) || str(action.pattern), 90);
    case 'file_search_call':
      return clip(Array.isArray(item.queries) ? item.queries.map(displayText).join(' · ') : '', 60) + (Array.isArray(item.results) ? ` → ${count(item.results, 'result')}` : '');
    case 'mcp_call':
      return shortArgs(item.arguments) + (item.output !== undefined && item.output !== null ? ` → ${formatSize(displayText(item.output).length)}` : '');
    case 'code_interpreter_call':
      return clip(str(item.code).split('\n').find((line) => line.trim()) ?? '', 80);
    case 'image_generation_call':
      return clip(str(item.revised_prompt), 80);
    case 'mcp_list_tools':
    case 'additional_tools':
      return count(item.tools, 'tool');
    case 'mcp_approval_response':
      return item.approve === true ? 'approved' : 'denied';
    case 'message':
      return clip(messageText(item), 160);
    case 'reasoning':
      return clip(Array.isArray(item.summary) ? item.summary.map((part) => str(record(part).text)).join(' ') : '', 160);
    default:
      return '';
  }
}
