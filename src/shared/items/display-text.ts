import { stringifyJson } from '../../lib/stringify-deep.ts';
import { WrittenNumber } from './written-number.ts';

/**
 * Any value from a conversation as text to show, without calling a method of its own: an object with a
 * `toString` key would make String() throw. Objects show as their JSON.
 */
export function displayText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof WrittenNumber) return String(value);
  if (value === null || value === undefined) return '';
  try {
    return stringifyJson(value);
  } catch {
    return `[${typeof value}]`;
  }
}

/** The value stored under `key` in a table of the app's own, but only its own: never `__proto__` or `constructor`. */
export function ownEntry<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The plain text of a message's content, string or parts. */
export function messageText(item: { type: string; [field: string]: unknown }): string {
  if (typeof item.content === 'string') return item.content;
  if (!Array.isArray(item.content)) return '';
  return item.content.map((part) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join(' ');
}
