import { countedKind, countedName, startsTurn } from '../items/item-counts.ts';
import type { ExportItem } from './export-document.ts';
import { compareText, formatCount } from '../format.ts';

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
    // Counted as the viewer counts them: one definition, in item-counts (a call and its folded output are one).
    const kind = countedKind(item);
    if (startsTurn(item)) this.turns += 1;
    if (kind === 'messages' && item.type === 'message') {
      const role = countedName(item);
      this.roles.set(role, (this.roles.get(role) ?? 0) + 1);
    } else if (kind === 'reasoning') {
      this.reasoning += 1;
    } else if (kind === 'tools') {
      const name = countedName(item);
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
  return [...map.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
}

export const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
