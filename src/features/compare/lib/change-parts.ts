import { messageText } from '../../../shared/items/display-text';
import { itemText } from '../../transcript/lib/item-text';
import type { ConversationItem } from '../../transcript/types';
import { canonical, parseJsonString } from './fingerprint';
import { diffJson, type JsonDiff } from './json-diff';
import { diffWords, type TextSegment } from './word-diff';

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

/** The parts of a row worth comparing, by name: text for messages and reasoning, arguments and output for calls. */
function partsOf({ item, output }: RunRow): Map<string, unknown> {
  const parts = new Map<string, unknown>();
  if (item.type === 'message') parts.set('text', messageText(item));
  else if (item.type === 'reasoning') parts.set('text', itemText(item));
  else {
    const field = CALL_FIELDS.find((name) => Object.hasOwn(item, name));
    if (field) parts.set(field, item[field]);
    const answer = output ?? item;
    const outputField = OUTPUT_FIELDS.find((name) => Object.hasOwn(answer, name));
    if (outputField) parts.set('output', answer[outputField]);
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
    if (jsonA !== undefined && jsonB !== undefined) parts.push({ label, kind: 'json', diff: diffJson(jsonA, jsonB) });
    else parts.push({ label, kind: 'text', segments: diffWords(asText(valueA), asText(valueB)) });
  }
  return parts;
}
