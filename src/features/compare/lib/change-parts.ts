import { messageText } from '../../../shared/items/display-text';
import { isJsonNode } from '../../../shared/items/written-number';
import { decodedSize, formatSize } from '../../../shared/items/byte-size';
import { itemText } from '../../transcript/lib/item-text';
import type { ConversationItem } from '../../transcript/types';
import { canonical, parseJsonString } from './fingerprint';
import { diffJson, type JsonDiff } from './json-diff';
import { diffWords, type TextSegment } from './word-diff';
import { refusalText } from './row-text';

export type ChangePart = { label: string; kind: 'text'; segments: TextSegment[] } | { label: string; kind: 'json'; diff: JsonDiff };

/** A row of a run: an item, and for a call its output. */
export interface RunRow {
  item: ConversationItem;
  output?: ConversationItem;
}

const RUN_SPECIFIC = new Set(['id', 'call_id', 'approval_request_id', 'encrypted_content', 'container_id', 'created_at']);
const CALL_FIELDS = ['arguments', 'input', 'action', 'operation', 'code'];
const OUTPUT_FIELDS = ['output', 'result', 'tools'];

function withoutIds(item: ConversationItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !RUN_SPECIFIC.has(key)));
}

/** A fingerprint of a long value, short enough to read: two images of one size still tell apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}

/** Data held in the page (an image, a file) by its size and fingerprint: "1.2 KB of data (3fa9c0)". */
const dataText = (data: string) => `${formatSize(decodedSize(data))} of data (${shortHash(data)})`;

/** Where a part's data is: a link or a stored file as written, data in the page by its size and fingerprint. */
function whereOf(value: unknown): string | null {
  const url = typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string' ? (value as { url: string }).url : null;
  if (url === null) return null;
  if (url.startsWith('data:') || url.length > 300) return dataText(url);
  return url;
}

/** How deep a call's value is looked through for data URLs: screenshots sit one or two levels down. */
const DATA_DEPTH = 8;
/** A data URL, by its media type: text that merely starts with "data:" is not one. */
const DATA_URL = /^data:[a-z]+\/[\w.+-]+[;,]/i;

/**
 * A call's value with each data URL in it (a screenshot, an image) given by its size and fingerprint, as a message's
 * images are: base64 diffed word by word says nothing.
 */
function withoutData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return DATA_URL.test(value) ? dataText(value) : value;
  if (depth >= DATA_DEPTH || !isJsonNode(value)) return value;
  if (Array.isArray(value)) return value.map((entry) => withoutData(entry, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withoutData(entry, depth + 1)]));
}

/**
 * A message's parts that are not text (images, files, audio), one line each: the part, and what it holds. Two
 * messages with the same words and another image differ here, not in their text.
 */
function attachmentsOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  const lines: string[] = [];
  for (const part of content) {
    if (!part || typeof part !== 'object') continue;
    const fields = part as Record<string, unknown>;
    if (typeof fields.text === 'string' || typeof fields.refusal === 'string') continue;
    const type = typeof fields.type === 'string' ? fields.type.replace(/^input_/, '') : 'part';
    const held = [fields.filename, fields.file_id, whereOf(fields.image_url), whereOf(fields.file_url), whereOf(fields.file_data), whereOf(fields.data)].filter(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    lines.push(held.length > 0 ? `${type}: ${held.join(', ')}` : type);
  }
  return lines.join('\n');
}

/** The parts of a row worth comparing, by name: text for messages and reasoning, arguments and output for calls. */
function partsOf({ item, output }: RunRow): Map<string, unknown> {
  const parts = new Map<string, unknown>();
  if (item.type === 'message') {
    parts.set('text', messageText(item));
    const refusal = refusalText(item);
    if (refusal) parts.set('refusal', refusal);
    const attachments = attachmentsOf(item.content);
    if (attachments) parts.set('attachments', attachments);
  }
  else if (item.type === 'reasoning') parts.set('text', itemText(item));
  else {
    const field = CALL_FIELDS.find((name) => Object.hasOwn(item, name));
    if (field) parts.set(field, item[field]);
    const answer = output ?? item;
    const outputField = OUTPUT_FIELDS.find((name) => Object.hasOwn(answer, name));
    const value = outputField ? answer[outputField] : undefined;
    // A generated image is its base64, without a data URL's prefix.
    if (outputField) parts.set('output', item.type === 'image_generation_call' && typeof value === 'string' && value ? `image: ${dataText(value)}` : value);
    if (item.error !== undefined && item.error !== null) parts.set('error', item.error);
    if (parts.size === 0) parts.set('item', withoutIds(item));
  }
  if (typeof item.status === 'string') parts.set('status', item.status);
  return parts;
}

const asJson = (value: unknown): unknown => (typeof value === 'string' ? parseJsonString(value) : value && typeof value === 'object' ? value : undefined);
const asText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(canonical(value)));

/** What differs between two rows of the same shape: a word diff of text, a structural diff of JSON. */
export function changeParts(a: RunRow, b: RunRow): ChangePart[] {
  const left = partsOf(a);
  const right = partsOf(b);
  const labels = [...new Set([...left.keys(), ...right.keys()])];
  const parts: ChangePart[] = [];
  for (const label of labels) {
    const valueA = left.get(label) ?? (label === 'status' ? 'completed' : undefined);
    const valueB = right.get(label) ?? (label === 'status' ? 'completed' : undefined);
    if (canonical(valueA) === canonical(valueB)) continue;
    const jsonA = asJson(valueA);
    const jsonB = asJson(valueB);
    if (jsonA !== undefined && jsonB !== undefined) parts.push({ label, kind: 'json', diff: diffJson(withoutData(jsonA), withoutData(jsonB)) });
    else parts.push({ label, kind: 'text', segments: diffWords(asText(withoutData(valueA)), asText(withoutData(valueB))) });
  }
  if (parts.length > 0) return parts;
  // The rows differ in a field none of those parts hold (a message's phase or citations, an MCP call's server, an
  // output's status): the whole item, and the output, say where.
  const whole = (label: string, itemA: ConversationItem | undefined, itemB: ConversationItem | undefined) => {
    const valueA = itemA ? withoutIds(itemA) : {};
    const valueB = itemB ? withoutIds(itemB) : {};
    if (canonical(valueA) !== canonical(valueB)) parts.push({ label, kind: 'json', diff: diffJson(withoutData(valueA), withoutData(valueB)) });
  };
  whole('item', a.item, b.item);
  whole('output item', a.output, b.output);
  return parts;
}
