import { stringifyJson } from '../../lib/stringify-deep.ts';
import type { ExportItem } from './export-document.ts';
import { itemKind, itemLabel, pairKey } from '../items/item-catalog.ts';

/** An item reduced to what a document shows: headings, text as written, code, images and one-line notes. */
export type Block =
  | { kind: 'heading'; text: string; role: string }
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string; language: string }
  | { kind: 'image'; url: string; label: string }
  | { kind: 'link'; url: string; label: string }
  | { kind: 'note'; text: string };

export interface DescribedItem {
  /** Set on the item that opens a turn: a user message, or the first item. */
  turn: number | null;
  blocks: Block[];
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

/** Arguments are a JSON string that may be invalid: pretty when it parses, as written when not. */
function argumentsBlock(raw: unknown): Block {
  if (typeof raw !== 'string') return { kind: 'code', text: json(raw), language: 'json' };
  try {
    return { kind: 'code', text: json(JSON.parse(raw)), language: 'json' };
  } catch {
    return { kind: 'code', text: raw, language: '' };
  }
}

function imageBlock(url: unknown, label: string, fileId?: unknown): Block {
  const href = str(url);
  if (href) return { kind: 'image', url: href, label };
  return { kind: 'note', text: `${label}: file ${str(fileId) ?? 'without an ID'}, not included.` };
}

function partBlocks(part: unknown): Block[] {
  const p = obj(part);
  if (!p) return typeof part === 'string' ? [{ kind: 'text', text: part }] : [];
  switch (p.type) {
    case 'input_text':
    case 'output_text':
    case 'text':
    case 'summary_text':
    case 'reasoning_text': {
      const blocks: Block[] = [{ kind: 'text', text: str(p.text) ?? '' }];
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
      return [imageBlock(p.image_url, 'Image', p.file_id)];
    case 'input_file':
      return [{ kind: 'note', text: `File ${str(p.filename) ?? str(p.file_id) ?? str(p.file_url) ?? ''}, not included.`.replace('  ', ' ') }];
    default:
      return [{ kind: 'code', text: json(p), language: 'json' }];
  }
}

function contentBlocks(content: unknown): Block[] {
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  return Array.isArray(content) ? content.flatMap(partBlocks) : [];
}

function encryptedNote(value: unknown): Block[] {
  return typeof value === 'string' && value ? [{ kind: 'note', text: `Encrypted content (${value.length} characters), not shown.` }] : [];
}

const SHOWN_ELSEWHERE = new Set(['id', 'type', 'status', 'call_id', 'name', 'arguments', 'input', 'output', 'server_label']);

function rest(item: Loose): Loose {
  return Object.fromEntries(Object.entries(item).filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== null && value !== undefined));
}

function outputBlocks(output: unknown): Block[] {
  if (typeof output === 'string') return [{ kind: 'code', text: output, language: '' }];
  if (Array.isArray(output)) return output.flatMap(partBlocks);
  const o = obj(output);
  if (o && (o.type === 'computer_screenshot' || typeof o.image_url === 'string')) return [imageBlock(o.image_url, 'Screenshot', o.file_id)];
  return output === undefined || output === null ? [] : [{ kind: 'code', text: json(output), language: 'json' }];
}

/**
 * Reads items in conversation order and describes each one. It remembers tool names by call_id, so an output names
 * the tool it answers, and counts turns.
 */
export function createItemDescriber() {
  const toolNames = new Map<string, string>();
  let turns = 0;

  return (item: ExportItem): DescribedItem => {
    const it = item as Loose;
    const type = item.type;
    const opensTurn = turns === 0 || (type === 'message' && it.role === 'user');
    const turn = opensTurn ? ++turns : null;
    const status = str(it.status);
    const flag = status && status !== 'completed' ? ` (${status.replace('_', ' ')})` : '';

    if (type === 'message') {
      const role = str(it.role) ?? 'unknown';
      return { turn, blocks: [{ kind: 'heading', text: `${capitalise(role)}${flag}`, role }, ...contentBlocks(it.content)] };
    }
    if (type === 'reasoning') {
      const summary = Array.isArray(it.summary) ? it.summary.flatMap(partBlocks) : [];
      return { turn, blocks: [{ kind: 'heading', text: `Reasoning${flag}`, role: 'reasoning' }, ...summary, ...contentBlocks(it.content), ...encryptedNote(it.encrypted_content)] };
    }
    if (type === 'mcp_list_tools') {
      const tools = Array.isArray(it.tools) ? it.tools.map((tool) => str(obj(tool)?.name) ?? '?') : [];
      return { turn, blocks: [{ kind: 'heading', text: `MCP tools of ${str(it.server_label) ?? 'a server'}`, role: 'tool' }, { kind: 'text', text: tools.join(', ') || 'none' }] };
    }
    // Which items are tool calls and which are their answers comes from the item catalog, as in the viewer.
    const pair = pairKey(it as { type: string });
    const isTool = itemKind(it as { type: string }) === 'tools';
    if (isTool && pair?.side === 'output' && type !== 'mcp_approval_response') {
      const name = toolNames.get(pair.key) ?? itemLabel(type);
      return { turn, blocks: [{ kind: 'heading', text: `Tool output: ${name}${flag}`, role: 'tool' }, ...outputBlocks(it.output), ...more(it)] };
    }
    if (isTool && pair?.side !== 'output') {
      const base = str(it.name) ?? itemLabel(type);
      const name = str(it.server_label) ? `${it.server_label}.${base}` : base;
      if (pair) toolNames.set(pair.key, name);
      const blocks: Block[] = [{ kind: 'heading', text: `Tool call: ${name}${flag}`, role: 'tool' }];
      if ('arguments' in it) blocks.push(argumentsBlock(it.arguments));
      if (typeof it.input === 'string') blocks.push({ kind: 'code', text: it.input, language: '' });
      if (type === 'image_generation_call' && typeof it.result === 'string' && it.result) {
        blocks.push({ kind: 'image', url: `data:image/png;base64,${it.result}`, label: 'Generated image' });
        return { turn, blocks };
      }
      blocks.push(...more(it), ...outputBlocks(it.output));
      return { turn, blocks };
    }
    return { turn, blocks: [{ kind: 'heading', text: `${type}${flag}`, role: 'other' }, ...more(it)] };
  };
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
