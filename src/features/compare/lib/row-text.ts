import { messageText } from '../../../shared/items/display-text';
import { itemSummaryLine, toolSummary } from '../../../shared/items/tool-summary';
import type { ConversationItem } from '../../transcript/types';
import { itemKind } from '../../../shared/items/item-catalog';
import { stringifyDeep } from '../../../lib/stringify-deep';

const MAX = 600;
const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);
/** Fields a run's own row does not differ by: its IDs, and blobs no one can read. */
const UNREAD = new Set(['id', 'type', 'call_id', 'approval_request_id', 'encrypted_content', 'container_id', 'created_at', 'response_id']);

/** An item with nothing to summarise (an unknown type, a configuration update) by its fields: `reasoning: {"effort":"high"}`. */
function fieldsLine(item: ConversationItem): string {
  const fields: string[] = [];
  let length = 0;
  for (const [key, value] of Object.entries(item)) {
    if (UNREAD.has(key) || value === undefined || value === null || (Array.isArray(value) && value.length === 0) || length > MAX) continue;
    const field = `${key}: ${typeof value === 'string' ? value : stringifyDeep(value)}`;
    fields.push(field);
    length += field.length;
  }
  return fields.join(' · ');
}

/** What a message's refusal parts say: a run that refused says so, where its text is empty. */
export function refusalText(item: ConversationItem): string {
  if (!Array.isArray(item.content)) return '';
  return item.content
    .map((part: unknown) => (part && typeof part === 'object' && typeof (part as { refusal?: unknown }).refusal === 'string' ? (part as { refusal: string }).refusal : ''))
    .filter(Boolean)
    .join(' ');
}

/** A message's parts that hold no text, by kind: "image", "file", "computer_screenshot". */
function otherParts(item: ConversationItem): string {
  if (!Array.isArray(item.content)) return '';
  return item.content
    .flatMap((part: unknown) => {
      if (!part || typeof part !== 'object') return [];
      const fields = part as Record<string, unknown>;
      if (typeof fields.text === 'string' || typeof fields.refusal === 'string') return [];
      return [typeof fields.type === 'string' ? `[${fields.type.replace(/^input_/, '')}]` : '[part]'];
    })
    .join(' ');
}

/** The few lines a row shows when it is not a changed row: the text of a message, the arguments and outcome of a call. */
export function rowText(item: ConversationItem, output: ConversationItem | undefined): string {
  if (item.type === 'message') {
    const refusal = refusalText(item);
    return clip([messageText(item).trim(), refusal ? `Refused: ${refusal}` : '', otherParts(item)].filter(Boolean).join('\n'));
  }
  if (itemKind(item) === 'tools') {
    const summary = toolSummary(item, output);
    const line = itemSummaryLine(item) || summary.args;
    // A size keeps its unit on its line: "30 B", never "30" and "B" a line apart.
    return clip([line, summary.outcome?.text, summary.size?.replace(' ', '\u00a0')].filter(Boolean).join(' · '));
  }
  // Reasoning that gives no summary (as open-weight models' often does) is read from its reasoning text.
  if (item.type === 'reasoning') return clip(itemSummaryLine(item) || reasoningText(item));
  return clip(itemSummaryLine(item) || fieldsLine(item));
}

function reasoningText(item: ConversationItem): string {
  if (!Array.isArray(item.content)) return '';
  return item.content
    .map((part: unknown) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A tool call's name, shown beside its type. */
export function toolName(item: ConversationItem): string | null {
  return typeof item.name === 'string' && item.name ? item.name.slice(0, 60) : null;
}
