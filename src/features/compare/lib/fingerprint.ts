import type { ConversationItem } from '../../transcript/types';
import { parseJson, WrittenNumber } from '../../../shared/items/written-number';

/** Fields that differ between two runs even where they did the same thing: IDs, pairing keys, opaque blobs. */
const RUN_SPECIFIC = new Set(['id', 'call_id', 'approval_request_id', 'encrypted_content', 'container_id', 'created_at', 'response_id']);
/** Deeper than this, values count as equal: hostile nesting must not cost a stack per level. */
const MAX_DEPTH = 40;

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** Text compared without the whitespace a model varies from run to run. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A string that holds JSON (tool arguments, outputs) is compared as the value it holds, numbers as written. */
export function parseJsonString(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return parseJson(trimmed);
  } catch {
    return undefined;
  }
}

/**
 * A number kept as written, as compared: two IDs of 20 digits differ however alike JavaScript reads them, and stay as
 * written; `10.00` is the same number as `10`, and reads `10`, as `12345678901234567890.0` reads its integer.
 */
export function comparedNumber(number: WrittenNumber): string {
  const decimal = /^(-?\d+)(?:\.(\d*?)0*)?$/.exec(number.text);
  if (!decimal) return String(Number(number.text));
  const written = decimal[2] ? `${decimal[1]}.${decimal[2]}` : decimal[1];
  return written === '-0' ? '0' : written;
}

/** An empty field says what a missing one does (`annotations: []`, `logprobs: []`), and done is the default status. */
function leftOut(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value) && value.length === 0) return true;
  return key === 'status' && value === 'completed';
}

/** A canonical text for a value: keys sorted, run-specific fields left out, text normalised. */
export function canonical(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) return '…';
  if (typeof value === 'string') {
    const parsed = depth < MAX_DEPTH ? parseJsonString(value) : undefined;
    return parsed === undefined ? JSON.stringify(normaliseText(value)) : canonical(parsed, depth + 1);
  }
  if (Array.isArray(value)) return `[${value.map((entry) => canonical(entry, depth + 1)).join(',')}]`;
  if (value instanceof WrittenNumber) return comparedNumber(value);
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => !RUN_SPECIFIC.has(key) && !leftOut(key, value[key]))
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key], depth + 1)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : String(JSON.stringify(value) ?? null);
}

/** What kind of row an item is, whatever it says: its type, role and tool name. Rows of one shape can be "changed". */
export function shapeOf(item: ConversationItem): string {
  const role = typeof item.role === 'string' ? item.role : '';
  const name = typeof item.name === 'string' ? item.name : '';
  return `${item.type}|${role}|${name}`;
}

/** 53 bits of a string (cyrb53): fingerprints stay small, and two runs of megabyte outputs are not kept twice. */
export function hashText(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const TEXT_PARTS = new Set(['input_text', 'output_text', 'text']);

/**
 * A message's content as a list of parts whatever form it came in: a plain string (as DashScope may give it) says what
 * one text part does, and a text part is text whichever of its types it has.
 */
function comparableContent(content: unknown): unknown {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return content;
  return content.map((part: unknown) => (isRecord(part) && typeof part.type === 'string' && TEXT_PARTS.has(part.type) ? { ...part, type: 'text' } : part));
}

/** An item (with the output folded into it, for a call) by what it says, never by its IDs. */
export function fingerprintOf(item: ConversationItem, output: ConversationItem | undefined): number {
  const said = item.type === 'message' ? { ...item, content: comparableContent(item.content) } : item;
  return hashText(`${shapeOf(item)}\u0000${canonical(said)}\u0000${output ? canonical(output) : ''}`);
}
