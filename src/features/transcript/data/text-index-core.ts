import { foldForSearch } from '../../../lib/search-fold';
import { inTask } from '../../../lib/work-in-slices';
import type { ConversationItem } from '../types';
import { itemsOfLines } from './page-text';
import { searchableText } from './searchable-text';
import { estimateTokens, loadTokenizer, type CountTokens } from '../../../shared/items/token-counts';
import { tokenText } from '../../../shared/items/token-text';
import type { End } from './transcript-index';
import { NO_MATCHES, type FromTextIndex, type MatchOffsets, type SlotItem, type ToTextIndex } from './text-index-protocol';

/**
 * The search text and token counts of a transcript's items, kept where the page's thread does not pay for them: in
 * a worker, or, where there is none, in slices between frames. Search texts are built as items arrive, so a query
 * never waits behind token counting, which goes a batch at a time.
 */
export class TextIndexCore {
  private generation = 0;
  private readonly texts: Record<End, string[]> = { head: [], tail: [], live: [] };
  private queue: SlotItem[] = [];
  private count: CountTokens | null = null;
  private counting = true;

  constructor(private readonly post: (message: FromTextIndex) => void) {}

  receive(message: ToTextIndex): void {
    if (message.generation > this.generation) this.reset(message.generation);
    if (message.generation < this.generation) return;
    if (message.type === 'items') {
      for (const entry of message.entries) {
        if ('lines' in entry) {
          itemsOfLines(entry.lines).forEach((item, index) => this.add({ end: entry.end, offset: entry.offset + index, item }));
        } else {
          this.add({ end: entry.end, offset: entry.offset, item: 'item' in entry ? entry.item : (JSON.parse(entry.json) as ConversationItem) });
        }
      }
    } else if (message.type === 'counting') {
      this.counting = message.on;
    } else if (message.type === 'search') {
      this.post({ type: 'matches', generation: this.generation, id: message.id, query: message.query, offsets: this.search(message.query) });
    }
  }

  private add(entry: SlotItem) {
    this.texts[entry.end][entry.offset] = searchableText(entry.item);
    this.queue.push(entry);
  }

  /** Items wait to be counted and counting is on: only the tokenizer is missing. */
  get needsTokenizer(): boolean {
    return !this.count && this.counting && this.queue.length > 0;
  }

  /** Says the tokenizer could not be loaded; the page says so instead of counting on. */
  tokenizerFailed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.post({ type: 'tokenizer-failed', generation: this.generation, reason: reason.slice(0, 300) });
  }

  setTokenizer(count: CountTokens): void {
    this.count = count;
  }

  /** Counts up to `budget` waiting items and posts their counts; true while more wait and can be counted now. */
  countSome(budget: number): boolean {
    // Without the tokenizer, or while paused, nothing can be done until a message (or the tokenizer) arrives.
    if (!this.count || !this.counting || this.queue.length === 0) return false;
    const batch = this.queue.splice(0, budget);
    const entries = batch.map(({ end, offset, item }) => {
      const { text, opaque } = tokenText(item);
      return { end, offset, tokens: estimateTokens(text, this.count!), opaque };
    });
    this.post({ type: 'tokens', generation: this.generation, entries });
    return this.queue.length > 0;
  }

  private search(query: string): MatchOffsets {
    const needle = foldForSearch(query.trim());
    if (!needle) return NO_MATCHES;
    const found = { ...NO_MATCHES };
    for (const end of ['head', 'tail', 'live'] as const) {
      const texts = this.texts[end];
      const offsets = new Uint32Array(texts.length);
      let count = 0;
      for (let offset = 0; offset < texts.length; offset += 1) if (texts[offset]?.includes(needle)) offsets[count++] = offset;
      found[end] = offsets.slice(0, count);
    }
    return found;
  }

  private reset(generation: number) {
    this.generation = generation;
    for (const end of ['head', 'tail', 'live'] as const) this.texts[end].length = 0;
    this.queue = [];
  }
}

/**
 * Counts a core's waiting items a batch per task, in its worker or on the page; `schedule` after each message. The
 * tokenizer (a megabyte) loads once there is something to count, not while a run's pages still pour in; one that
 * cannot be loaded is not tried again: the page says so, and a reload tries again.
 */
export function countingLoop(core: TextIndexCore, batch: number): { schedule: () => void; stop: () => void } {
  let cancel: (() => void) | undefined;
  let tokenizer: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    if (!stopped) cancel ??= inTask(pump);
  };
  const pump = () => {
    cancel = undefined;
    if (stopped) return;
    if (core.needsTokenizer) {
      tokenizer ??= loadTokenizer().then(
        (count) => {
          core.setTokenizer(count);
          schedule();
        },
        (error: unknown) => core.tokenizerFailed(error),
      );
    }
    if (core.countSome(batch)) schedule();
  };
  return {
    schedule,
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}
