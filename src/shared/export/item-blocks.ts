import { stringifyJson } from '../../lib/stringify-deep.ts';
import type { ExportItem } from './export-document.ts';
import { ownEntry } from '../items/display-text.ts';
import { parseKeepingNumbers } from '../items/kept-numbers.ts';
import { mayChangeNumbers } from '../items/written-number.ts';
import { shellCommand, shellFieldsShown } from '../items/shell-command.ts';
import { configurationSummary } from '../items/configuration-summary.ts';
import { collapsedByDefault, foldsIntoCall, itemKind, itemLabel, pairKey } from '../items/item-catalog.ts';

/** An item reduced to what a document shows: text as written (Markdown where the viewer renders it), code, images and one-line notes. */
export type Block =
  | { kind: 'text'; text: string; markdown: boolean }
  /** Names joined on one line (the tools a list offers): literal text, never markup. */
  | { kind: 'names'; text: string; label?: string }
  /** `folded`: shown closed under its label where the format can (the HTML's <details>), as the viewer folds it. */
  | { kind: 'code'; text: string; language: string; label?: string; folded?: boolean }
  /** Labelled values, one a line (a shell's working directory and timeout): literal text, never markup. */
  | { kind: 'facts'; facts: [string, string][] }
  | { kind: 'image'; url: string; label: string }
  | { kind: 'link'; url: string; label: string }
  | { kind: 'note'; text: string };

export interface DescribedItem {
  /** Set on the item that opens a turn: a user message, numbered as in the viewer's compact view. */
  turn: number | null;
  /** What the row is, for its colour: user, assistant, system, developer, tool, reasoning or other. */
  role: string;
  /** The row's title as plain text; each format escapes it for its own syntax. */
  heading: string;
  /** " (incomplete)" and the like when the status is not "completed", else empty. */
  flag: string;
  blocks: Block[];
  /** For tool calls and outputs: the tool's name, and the key that pairs a call with the output folded into it. */
  tool: { name: string; side: 'call' | 'output'; key: string | null; folds: boolean } | null;
  /** The viewer shows this item as one line until opened (tool rows). */
  collapsed: boolean;
}

type Loose = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const obj = (value: unknown): Loose | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);

function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function json(value: unknown): string {
  return stringifyJson(value, 2);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Arguments are a JSON string that may be invalid: pretty when it parses (numbers as written), as written when not. */
function argumentsBlock(raw: unknown): Block {
  if (typeof raw !== 'string') return { kind: 'code', text: json(raw), language: 'json' };
  const parsed = parseJson(raw);
  return parsed === undefined ? { kind: 'code', text: raw, language: '' } : prettyJsonBlock(raw, parsed);
}

/** JSON text (`parsed` is what it holds) pretty-printed, each number as written: an ID of 20 digits is not rounded. */
function prettyJsonBlock(text: string, parsed: unknown): Block {
  if (!mayChangeNumbers(text)) return { kind: 'code', text: json(parsed), language: 'json' };
  const kept = parseKeepingNumbers(text, parsed);
  return { kind: 'code', text: kept.write(json(kept.parsed)), language: 'json' };
}

/** What an export left out, by category (a snapshot's counts, or 1 for each category a download's rules leave out). */
export interface LeftOut {
  readonly counts: Readonly<Record<string, number>>;
  readonly by: 'snapshot' | 'download';
}

/** What an export's notes say was left out: a snapshot's counts, or the categories a download's rules leave out. */
export function exportLeftOut(meta: { snapshot?: { left_out?: Record<string, number> }; rules?: { content: readonly string[] } }): LeftOut {
  if (meta.snapshot?.left_out) return { counts: meta.snapshot.left_out, by: 'snapshot' };
  if (meta.rules) return { counts: Object.fromEntries(meta.rules.content.map((category) => [category, 1])), by: 'download' };
  return NOTHING_LEFT_OUT;
}

const NOTHING_LEFT_OUT: LeftOut = { counts: {}, by: 'snapshot' };

function imageBlock(url: unknown, label: string, fileId: unknown, leftOut: LeftOut): Block {
  const href = str(url);
  if (href) return { kind: 'image', url: href, label };
  // A snapshot (or a download) that left images out took the link away: that, not a missing file, is why there is none.
  if (!str(fileId) && (leftOut.counts.images ?? 0) > 0) return { kind: 'note', text: `${label} left out of this ${leftOut.by}.` };
  return { kind: 'note', text: `${label}: file ${str(fileId) ?? 'without an ID'}, not included.` };
}

function partBlocks(part: unknown, markdown: boolean, leftOut: LeftOut = NOTHING_LEFT_OUT): Block[] {
  const p = obj(part);
  if (!p) return typeof part === 'string' ? [{ kind: 'text', text: part, markdown }] : [];
  switch (p.type) {
    case 'input_text':
    case 'output_text':
    case 'text':
    case 'summary_text':
    case 'reasoning_text': {
      const blocks: Block[] = [{ kind: 'text', text: str(p.text) ?? '', markdown }];
      for (const annotation of Array.isArray(p.annotations) ? p.annotations : []) {
        const a = obj(annotation);
        if (a?.type === 'url_citation' && str(a.url)) blocks.push({ kind: 'link', url: a.url as string, label: str(a.title) || (a.url as string) });
      }
      return blocks;
    }
    case 'refusal':
      return [{ kind: 'note', text: `Refused: ${str(p.refusal) ?? ''}` }];
    case 'input_image':
    case 'computer_screenshot':
      return [imageBlock(p.image_url, 'Image', p.file_id, leftOut)];
    case 'input_file':
      return [{ kind: 'note', text: `File ${str(p.filename) ?? str(p.file_id) ?? str(p.file_url) ?? ''}, not included.`.replace('  ', ' ') }];
    default:
      return [{ kind: 'code', text: json(p), language: 'json' }];
  }
}

function contentBlocks(content: unknown, markdown: boolean, leftOut: LeftOut = NOTHING_LEFT_OUT): Block[] {
  if (typeof content === 'string') return [{ kind: 'text', text: content, markdown }];
  return Array.isArray(content) ? content.flatMap((part) => partBlocks(part, markdown, leftOut)) : [];
}

function encryptedNote(value: unknown): Block[] {
  return typeof value === 'string' && value ? [{ kind: 'note', text: `Encrypted content (${value.length} characters), not shown.` }] : [];
}

const SHOWN_ELSEWHERE = new Set(['id', 'type', 'status', 'call_id', 'name', 'arguments', 'input', 'output', 'server_label']);

function rest(item: Loose): Loose {
  return Object.fromEntries(Object.entries(item).filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== null && value !== undefined));
}

/** A shell call as the viewer shows it: `$ npm test` and its facts, then whatever else it carries. */
function shellCallBlocks(it: Loose): Block[] {
  const { lines, facts } = shellCommand(it, { envValues: true });
  const action = obj(it.action) ?? {};
  // What the command line and facts show is left out of the JSON below; nothing else is.
  const fields = shellFieldsShown(it);
  const shown = (key: string, value: unknown) =>
    fields.action.includes(key) && (key === 'command' || key === 'commands' ? Array.isArray(value) : key === 'env' ? obj(value) !== null : true);
  const left = Object.fromEntries(Object.entries(action).filter(([key, value]) => !shown(key, value)));
  const itemShown = Object.fromEntries(fields.item.map((key) => [key, undefined]));
  const others = more({ ...it, action: Object.keys(left).length ? left : undefined, ...itemShown });
  const blocks: Block[] = [{ kind: 'code', text: lines.join('\n'), language: 'console', label: 'Command' }];
  if (facts.length) blocks.push({ kind: 'facts', facts });
  return [...blocks, ...labelAfter(blocks, others, 'Other fields')];
}

/** A configuration update as the viewer sums it up ("Reasoning effort: high"), with its settings as JSON, folded, below. */
function configurationBlocks(it: Loose): Block[] {
  const { effort, format } = configurationSummary(it);
  const facts: [string, string][] = [];
  if (effort !== null) facts.push(['Reasoning effort', effort]);
  if (format !== null) facts.push(['Text format', format]);
  const summary: Block = facts.length ? { kind: 'facts', facts } : { kind: 'note', text: 'No settings changed.' };
  return [summary, ...more(it).map((block) => (block.kind === 'code' ? { ...block, label: 'Settings as JSON', folded: true } : block))];
}

/** A shell's answer `{stdout, stderr, exit_code}` as one fence per stream, with its line breaks. */
function streamBlocks(value: Loose): Block[] | null {
  if (typeof value.stdout !== 'string' && typeof value.stderr !== 'string') return null;
  const blocks: Block[] = [];
  if (value.stdout) blocks.push({ kind: 'code', text: value.stdout as string, language: '', label: 'stdout' });
  if (value.stderr) blocks.push({ kind: 'code', text: value.stderr as string, language: '', label: 'stderr' });
  const outcome = obj(value.outcome);
  const code = value.exit_code ?? outcome?.exit_code;
  if (typeof code === 'number') blocks.push({ kind: 'note', text: `Exit code ${code}.` });
  else if (outcome?.type === 'timeout') blocks.push({ kind: 'note', text: 'Timed out.' });
  return blocks.length ? blocks : [{ kind: 'note', text: 'No output.' }];
}

/** Outputs always go in fences, with their own line breaks: a JSON string is shown parsed, a shell's streams apart. */
function outputBlocks(output: unknown, leftOut: LeftOut = NOTHING_LEFT_OUT): Block[] {
  if (typeof output === 'string') {
    const parsed = output.trimStart().startsWith('{') || output.trimStart().startsWith('[') ? parseJson(output) : undefined;
    const streams = obj(parsed) && streamBlocks(parsed as Loose);
    if (streams) return streams;
    return [parsed === undefined ? { kind: 'code', text: output, language: '' } : prettyJsonBlock(output, parsed)];
  }
  if (Array.isArray(output)) {
    if (output.length && output.every((entry) => obj(entry) && streamBlocks(entry as Loose))) return output.flatMap((entry) => streamBlocks(entry as Loose)!);
    return output.flatMap((part) => partBlocks(part, false, leftOut)).map((b) => (b.kind === 'text' ? { kind: 'code', text: b.text, language: '' } : b));
  }
  const o = obj(output);
  if (o && (o.type === 'computer_screenshot' || typeof o.image_url === 'string')) return [imageBlock(o.image_url, 'Screenshot', o.file_id, leftOut)];
  return output === undefined || output === null ? [] : [{ kind: 'code', text: json(output), language: 'json' }];
}

/** A message's phase in the viewer's words. */
const PHASES: Record<string, string> = { commentary: 'commentary', final_answer: 'final answer' };

/** Roles the viewer colours; any other role reads as "other". */
const ROLES = new Set(['user', 'assistant', 'system', 'developer']);

/**
 * Reads items in conversation order and describes each one. It remembers tool names by call_id, so an output names
 * the tool it answers, and numbers turns as the viewer's compact view does: each user message opens the next one.
 * In a snapshot's export, `leftOut` (its manifest's counts) has a field the snapshot emptied say so, as its page does.
 */
export function createItemDescriber(leftOut: LeftOut = NOTHING_LEFT_OUT) {
  const toolNames = new Map<string, string>();
  let turns = 0;

  return (item: ExportItem): DescribedItem => {
    const it = item as Loose;
    const type = item.type;
    const turn = type === 'message' && it.role === 'user' ? ++turns : null;
    const status = str(it.status);
    const flag = status && status !== 'completed' ? ` (${status.replace('_', ' ')})` : '';
    const collapsed = collapsedByDefault(type);
    const described = (role: string, heading: string, blocks: Block[], tool: DescribedItem['tool'] = null): DescribedItem => ({ turn, role, heading, flag, blocks, tool, collapsed });

    // Assistant text reads as Markdown, everyone else's as written, as in the viewer.
    if (type === 'message') {
      const role = str(it.role) ?? 'unknown';
      // Which part of the answer it is (commentary, final answer), as the viewer's badge says.
      const phase = str(it.phase) ? ` · ${ownEntry(PHASES, it.phase) ?? (it.phase as string).slice(0, 40)}` : '';
      return described(ROLES.has(role) ? role : 'other', `${capitalise(role)}${phase}${flag}`, contentBlocks(it.content, role === 'assistant', leftOut));
    }
    if (type === 'reasoning') {
      const summary = Array.isArray(it.summary) ? it.summary.flatMap((part) => partBlocks(part, true)) : [];
      // As the viewer shows them: the summary as Markdown, the reasoning text as written.
      const blocks = [...summary, ...contentBlocks(it.content, false), ...encryptedNote(it.encrypted_content)];
      const emptied = blocks.length === 0 && (leftOut.counts.reasoning ?? 0) > 0;
      return described('reasoning', `Reasoning${flag}`, emptied ? [{ kind: 'note', text: `Reasoning left out of this ${leftOut.by}.` }] : blocks);
    }
    if (type === 'mcp_list_tools') {
      const tools = Array.isArray(it.tools) ? it.tools.map((tool) => str(obj(tool)?.name) ?? '?') : [];
      return described('tool', `MCP tools of ${str(it.server_label) ?? 'a server'}`, [{ kind: 'names', text: tools.join(', ') || 'none' }]);
    }
    // Which items are tool calls and which are their answers comes from the item catalog, as in the viewer.
    const pair = pairKey(it as { type: string });
    const isTool = itemKind(it as { type: string }) === 'tools';
    if (isTool && pair?.side === 'output' && type !== 'mcp_approval_response') {
      const name = toolNames.get(pair.key) ?? itemLabel(type);
      const output = type === 'program_output' ? it.result : it.output;
      const shown = outputBlocks(output, leftOut);
      const extra = labelAfter(shown, more(type === 'program_output' ? { ...it, result: undefined } : it), 'Other fields');
      return described('tool', `Tool output: ${name}${flag}`, [...shown, ...extra], { name, side: 'output', key: pair.key, folds: foldsIntoCall(type) });
    }
    if (type === 'additional_tools') {
      const tools = Array.isArray(it.tools) ? it.tools.map((tool) => str(obj(tool)?.name) ?? '?') : [];
      // Who added them, as the viewer's subtitle says ("from developer").
      const from = str(it.role) ? ` · from ${(it.role as string).slice(0, 40)}` : '';
      const names: Block[] = [{ kind: 'names', text: tools.join(', ') || 'none', label: 'Tools' }];
      return described('tool', `${itemLabel(type)}${from}`, [...names, ...labelAfter(names, more({ ...it, tools: undefined, role: undefined }), 'Other fields')]);
    }
    if (isTool && pair?.side !== 'output') {
      const base = str(it.name) ?? itemLabel(type);
      const name = str(it.server_label) ? `${it.server_label}.${base}` : base;
      if (pair) toolNames.set(pair.key, name);
      const tool = { name, side: 'call' as const, key: pair?.key ?? null, folds: false };
      // A shell call shows its command line as the viewer's terminal does, not its action as JSON.
      const shell = type === 'local_shell_call' || type === 'shell_call';
      const blocks: Block[] = shell ? shellCallBlocks(it) : [];
      if (!shell && 'arguments' in it) blocks.push(argumentsBlock(it.arguments));
      if (typeof it.input === 'string') blocks.push({ kind: 'code', text: it.input, language: '' });
      if (type === 'image_generation_call' && typeof it.result === 'string' && it.result) {
        blocks.push({ kind: 'image', url: `data:image/png;base64,${it.result}`, label: 'Generated image' });
        return described('tool', `Tool call: ${name}${flag}`, blocks, tool);
      }
      const others = labelAfter(blocks, shell ? [] : more(it), 'Other fields');
      const outputs = labelAfter([...blocks, ...others], outputBlocks(it.output, leftOut), 'Output');
      // With more than its arguments to show, each block says what it is, as the viewer's labels do.
      if (others.length || outputs.length) {
        for (const [at, block] of blocks.entries()) if (block.kind === 'code' && !block.label) blocks[at] = { ...block, label: 'arguments' in it && at === 0 ? 'Arguments' : 'Input' };
      }
      // A loop, not push(...): an output may hold hundreds of thousands of parts.
      for (const block of others) blocks.push(block);
      for (const block of outputs) blocks.push(block);
      // A call whose answer is an item of its own: leaving tool outputs out leaves every such item out, as the page says.
      if (pair?.side === 'call' && type !== 'mcp_approval_request' && (leftOut.counts.tool_outputs ?? 0) > 0) blocks.push({ kind: 'note', text: `Output left out of this ${leftOut.by}.` });
      return described('tool', `Tool call: ${name}${flag}`, blocks, tool);
    }
    if (type === 'configuration_update') return described('other', `${itemLabel(type)}${flag}`, configurationBlocks(it));
    return described('other', `${itemLabel(type)}${flag}`, more(it));
  };
}

/** `blocks`, named `label` on the first when other blocks come before them: no JSON stands unnamed below another. */
function labelAfter(before: readonly Block[], blocks: Block[], label: string): Block[] {
  const first = blocks[0];
  if (!before.length || first?.kind !== 'code' || first.label) return blocks;
  const labelled = blocks.slice();
  labelled[0] = { ...first, label };
  return labelled;
}

/** Whatever else an item carries, as JSON, so nothing is dropped. */
function more(item: Loose): Block[] {
  const remaining = rest(item);
  if ('encrypted_content' in remaining) {
    const { encrypted_content: encrypted, ...others } = remaining;
    return [...(Object.keys(others).length ? [{ kind: 'code' as const, text: json(others), language: 'json' }] : []), ...encryptedNote(encrypted)];
  }
  return Object.keys(remaining).length ? [{ kind: 'code', text: json(remaining), language: 'json' }] : [];
}
