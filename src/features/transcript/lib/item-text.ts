import type { ConversationItem } from '../types';
import { textFieldsOf } from '../../../shared/items/item-catalog';
import { toPrettyJson } from './json-text';

/** Inside a field, the keys that hold text (content parts, outputs, commands). */
const TEXT_FIELDS = ['text', 'refusal', 'arguments', 'input', 'output', 'code', 'result', 'error', 'query', 'queries', 'commands', 'command', 'diff', 'logs', 'stdout', 'stderr', 'name', 'description'] as const;

/** The text-holding values under `root`, in order, walked with a stack: an item may be nested thousands deep. */
function textOf(root: unknown): string[] {
  const texts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) for (let index = value.length - 1; index >= 0; index -= 1) stack.push(value[index]);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (let index = TEXT_FIELDS.length - 1; index >= 0; index -= 1) if (TEXT_FIELDS[index] in record) stack.push(record[TEXT_FIELDS[index]]);
    }
  }
  return texts;
}

/** What "Copy text" copies: the readable text of an item, or its JSON when it has none. */
export function itemText(item: ConversationItem): string {
  const parts = textFieldsOf(item.type).flatMap((field) => (Object.hasOwn(item, field) ? textOf(item[field]) : []));
  return parts.length > 0 ? parts.join('\n\n') : toPrettyJson(item);
}

