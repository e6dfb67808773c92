import type { ConversationItem } from '../types';
import { textFieldsOf } from '../../../shared/items/item-catalog';
import { toPrettyJson } from './json-text';

/** Inside a field, the keys that hold text (content parts, outputs, commands). */
const TEXT_FIELDS = ['text', 'refusal', 'arguments', 'input', 'output', 'code', 'result', 'error', 'query', 'queries', 'commands', 'command', 'diff', 'logs', 'stdout', 'stderr', 'name', 'description'] as const;

function textOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textOf);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return TEXT_FIELDS.flatMap((field) => (field in record ? textOf(record[field]) : []));
  }
  return [];
}

/** What "Copy text" copies: the readable text of an item, or its JSON when it has none. */
export function itemText(item: ConversationItem): string {
  const parts = textFieldsOf(item.type).flatMap((field) => (Object.hasOwn(item, field) ? textOf(item[field]) : []));
  return parts.length > 0 ? parts.join('\n\n') : toPrettyJson(item);
}

