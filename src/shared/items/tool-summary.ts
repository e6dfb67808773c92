import { displayText, messageText } from './display-text.ts';
import { decodedSize, formatSize } from './byte-size.ts';
import { inlineJson } from './inline-json.ts';
import { catalogEntry } from './item-catalog.ts';
import { outcomeOf, parseJsonText as parse, type Outcome } from './tool-outcome.ts';
import { isJsonNode, parseJson } from './written-number.ts';

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
  if (Array.isArray(value)) {
    // The first values say what the list holds; the count says how long it is.
    const shown = value.slice(0, 2).map((entry) => (typeof entry === 'string' ? JSON.stringify(clip(entry, 14)) : isJsonNode(entry) ? '{…}' : displayText(entry)));
    return `[${shown.join(', ')}${value.length > 2 ? `, … ${value.length} in all` : ''}]`;
  }
  return isJsonNode(value) ? '{…}' : displayText(value);
}

/** `path: "src/app.ts", line: 3, …`: the first few arguments, each cut short, numbers as written. */
export function shortArgs(value: unknown): string {
  const parsed = parse(value, parseJson);
  if (typeof parsed === 'string') return clip(parsed, 80);
  if (!isJsonNode(parsed) || Array.isArray(parsed)) return parsed === undefined ? '' : clip(inlineJson(parsed, 80) ?? displayText(parsed), 80);
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

/** The first non-empty line of a text, cut short. */
function firstLine(text: unknown): string {
  if (typeof text !== 'string') return '';
  return clip(text.split('\n').find((line) => line.trim()) ?? '', 120);
}

/** What an error value says: its message, or the text itself, or (an MCP tool execution error) its content's text. */
function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  const fields = record(error);
  const content = Array.isArray(fields.content) ? fields.content.map((part) => str(record(part).text)).find(Boolean) : '';
  return str(fields.message) || str(fields.error) || content || (typeof fields.code === 'number' ? String(fields.code) : str(fields.code)) || '';
}

/** The first line of what went wrong: an error message, else stderr, else the output's own text. */
function failureDetail(call: ConversationItem, output: ConversationItem | undefined): string {
  const fromCall = firstLine(errorText(call.error));
  if (fromCall) return fromCall;
  if (!output) return '';
  const fromOutput = firstLine(errorText(output.error));
  if (fromOutput) return fromOutput;
  if (output.type === 'shell_call_output' && Array.isArray(output.output)) {
    for (const entry of output.output) {
      const line = firstLine(record(entry).stderr);
      if (line) return line;
    }
    return '';
  }
  const parsed = parse(output.output);
  const fields = record(parsed);
  return firstLine(str(fields.message) || errorText(fields.error) || str(fields.stderr)) || firstLine(parsed);
}

function outputSize(output: ConversationItem): string | null {
  const value = output.type === 'program_output' ? output.result : output.type === 'tool_search_output' ? output.tools : output.output;
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return formatSize(value.length);
  if (typeof record(value).image_url === 'string') return 'image';
  return formatSize(displayText(value).length);
}

/** One line for a collapsed tool row: key arguments, status or exit code (with the first line of the error), output size. */
export function toolSummary(call: ConversationItem, output: ConversationItem | undefined): ToolSummary {
  const outcome = outcomeOf(call, output);
  const detail = outcome?.failed ? failureDetail(call, output) : '';
  return {
    args: callArgs(call),
    outcome: outcome && detail ? { ...outcome, detail } : outcome,
    size: output && call.type !== 'mcp_approval_request' ? outputSize(output) : null,
  };
}

/** Markdown as one line of plain text: no emphasis marks, code ticks, heading or list markers; links keep their text. */
export function plainLine(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?![\w*])/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1');
}

const codeLines = (code: string) => code.split('\n').map((line) => line.trim()).filter(Boolean);

/** An image generation without a revised prompt: what it made, and how big. */
function imageLine(item: ConversationItem): string {
  const result = str(item.result);
  const format = str(item.output_format) || (result.startsWith('iVBOR') ? 'png' : result.startsWith('/9j/') ? 'jpeg' : '');
  const parts = [`${format ? `${format.toUpperCase()} ` : ''}image`];
  if (str(item.size)) parts.push(str(item.size));
  if (result) parts.push(formatSize(decodedSize(result)));
  return item.status === 'in_progress' || item.status === 'generating' ? 'generating an image…' : result ? parts.join(', ') : 'no image';
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
    case 'mcp_call': {
      const error = firstLine(errorText(item.error));
      if (error) return `${shortArgs(item.arguments)} → ${error}`;
      return shortArgs(item.arguments) + (item.output !== undefined && item.output !== null ? ` → ${formatSize(displayText(item.output).length)}` : '');
    }
    case 'code_interpreter_call':
      // The first line that does something: past comments and imports.
      return clip(codeLines(str(item.code)).find((line) => !/^(#|\/\/|import\s|from\s\S+\s+import\s)/.test(line)) ?? codeLines(str(item.code))[0] ?? '', 80);
    case 'image_generation_call':
      return clip(str(item.revised_prompt), 80) || imageLine(item);
    case 'mcp_list_tools': {
      // A server that could not list its tools says why, as a failed MCP call does.
      const error = firstLine(errorText(item.error));
      return error ? `${count(item.tools, 'tool') || 'no tools'} → ${error}` : count(item.tools, 'tool');
    }
    case 'additional_tools':
      return count(item.tools, 'tool');
    case 'mcp_approval_response':
      return item.approve === true ? 'approved' : 'denied';
    case 'message':
      return clip(plainLine(messageText(item)), 160);
    case 'reasoning':
      return clip(plainLine(Array.isArray(item.summary) ? item.summary.map((part) => str(record(part).text)).join(' ') : ''), 160);
    default:
      return catalogEntry(item.type) ? '' : unknownLine(item);
  }
}

/**
 * A type this viewer does not know (the API adds new ones), folded: what a known tool's line gives, as far as its
 * usual fields say it: its name, its key arguments or input, then its error or the size of its output.
 */
function unknownLine(item: ConversationItem): string {
  const args = item.arguments !== undefined ? shortArgs(item.arguments) : clip(str(item.input), 80);
  const error = firstLine(errorText(item.error));
  const output = item.output !== undefined && item.output !== null ? formatSize(displayText(item.output).length) : '';
  const head = [clip(str(item.name), 60), args].filter(Boolean).join(' ');
  const tail = error || output;
  return tail ? `${head ? `${head} ` : ''}→ ${tail}` : head;
}
