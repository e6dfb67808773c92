import { countItem, emptyCounts, startsTurn, type ItemCounts } from '../items/item-counts.ts';
import type { ExportItem, TokensOf } from './export-document.ts';

/** The most failures the summary links to; the count is always exact. */
const LISTED_FAILURES = 100;

/**
 * The run summary of an export, counted as items stream past, as the viewer's summary panel counts them: messages by
 * role, tool calls by name, reasoning items, failures, and a size in tokens: counted as the viewer counts them (its
 * tokenizer on each item's readable text, images and other opaque data left out) when given the tokenizer, else
 * estimated from the characters shown.
 */
export class RunTally {
  private counted = 0;

  constructor(private readonly tokensOf?: TokensOf) {}

  /** By kind and by name, as the viewer's summary counts them (one definition, in item-counts). */
  readonly counts: ItemCounts = emptyCounts();
  turns = 0;
  characters = 0;
  failureCount = 0;
  readonly failures: { id: string | null; label: string }[] = [];

  /** `paired`: an output written in its call's row, which counts with the call (see item-counts). */
  add(item: ExportItem, characters: number, paired: boolean): void {
    this.characters += characters;
    if (this.tokensOf) this.counted += this.tokensOf(item);
    if (startsTurn(item)) this.turns += 1;
    countItem(this.counts, item, paired);
  }

  fail(id: string | null, label: string): void {
    this.failureCount += 1;
    if (this.failures.length < LISTED_FAILURES) this.failures.push({ id, label });
  }

  /** Whether the size is the tokenizer's count, as in the viewer, rather than characters ÷ 4. */
  get tokenized(): boolean {
    return this.tokensOf !== undefined;
  }

  get tokens(): number {
    return this.tokensOf ? this.counted : Math.ceil(this.characters / 4);
  }
}

