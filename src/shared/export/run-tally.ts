import { itemKind, itemLabel, pairKey } from '../items/item-catalog.ts';
import type { ExportItem } from './export-document.ts';

/** Tool items that list tools or answer an approval rather than call a tool. */
const NOT_CALLS = new Set(['mcp_list_tools', 'additional_tools', 'mcp_approval_response']);

/** The most failures the summary links to; the count is always exact. */
const LISTED_FAILURES = 100;

/**
 * The run summary of an export, counted as items stream past, as the viewer's summary panel counts them: messages by
 * role, tool calls by name, reasoning items, failures, and a size in tokens estimated from length (a tokenizer per
 * item would cost more than the whole export).
 */
export class RunTally {
  readonly roles = new Map<string, number>();
  readonly tools = new Map<string, number>();
  reasoning = 0;
  turns = 0;
  characters = 0;
  failureCount = 0;
  readonly failures: { id: string | null; label: string }[] = [];

  add(item: ExportItem, characters: number): void {
    this.characters += characters;
    const kind = itemKind(item);
    if (item.type === 'message') {
      const role = typeof item.role === 'string' ? item.role.slice(0, 40) : 'unknown';
      this.roles.set(role, (this.roles.get(role) ?? 0) + 1);
      if (role === 'user') this.turns += 1;
    } else if (kind === 'reasoning') {
      this.reasoning += 1;
    } else if (kind === 'tools' && pairKey(item)?.side !== 'output' && !NOT_CALLS.has(item.type)) {
      const name = typeof item.name === 'string' && item.name ? item.name.slice(0, 60) : itemLabel(item.type);
      this.tools.set(name, (this.tools.get(name) ?? 0) + 1);
    }
  }

  fail(id: string | null, label: string): void {
    this.failureCount += 1;
    if (this.failures.length < LISTED_FAILURES) this.failures.push({ id, label });
  }

  get messageCount(): number {
    return [...this.roles.values()].reduce((sum, count) => sum + count, 0);
  }

  get toolCount(): number {
    return [...this.tools.values()].reduce((sum, count) => sum + count, 0);
  }

  get tokens(): number {
    return Math.ceil(this.characters / 4);
  }
}

export function byCount(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export const formatCount = (n: number) => n.toLocaleString('en');
export const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
