import { countItem, emptyCounts, startsTurn, type ItemCounts } from '../items/item-counts.ts';
import type { ExportItem } from './export-document.ts';

/** The most failures the summary links to; the count is always exact. */
const LISTED_FAILURES = 100;

/**
 * The run summary of an export, counted as items stream past, as the viewer's summary panel counts them: messages by
 * role, tool calls by name, reasoning items, failures, and a size in tokens estimated from length (a tokenizer per
 * item would cost more than the whole export).
 */
export class RunTally {
  /** By kind and by name, as the viewer's summary counts them (one definition, in item-counts). */
  readonly counts: ItemCounts = emptyCounts();
  turns = 0;
  characters = 0;
  failureCount = 0;
  readonly failures: { id: string | null; label: string }[] = [];

  add(item: ExportItem, characters: number): void {
    this.characters += characters;
    if (startsTurn(item)) this.turns += 1;
    countItem(this.counts, item);
  }

  fail(id: string | null, label: string): void {
    this.failureCount += 1;
    if (this.failures.length < LISTED_FAILURES) this.failures.push({ id, label });
  }

  get tokens(): number {
    return Math.ceil(this.characters / 4);
  }
}

