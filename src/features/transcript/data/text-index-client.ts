import { stringifyJson } from '../../../lib/stringify-deep';
import { inTask, SLICE_BUDGET_MS } from '../../../lib/work-in-slices';
import { hasPageLines, takePageLines, type PageLine } from './page-text';
import type { countingLoop, TextIndexCore } from './text-index-core';
import { NO_MATCHES, slotsOfMatches, type FromTextIndex, type MatchOffsets, type ToTextIndex } from './text-index-protocol';
import type { OpaqueData } from '../../../shared/items/token-labels';
import type { End, Slot, TranscriptIndex } from './transcript-index';

type ToTextIndexEntry = Extract<ToTextIndex, { type: 'items' }>['entries'][number];

/** Items per message: one message's structured clone stays a few milliseconds on the page's thread. */
const ITEMS_PER_MESSAGE = 100;
/** Characters of stream lines per message, for the same reason (a line holds a page of the upstream's items). */
const LINE_CHARS_PER_MESSAGE = 256 * 1024;
/** The least time between two notices of new counts. */
const NOTIFY_MS = 250;
/** Without a worker, items counted per slice between frames. */
const SLICE = 40;

interface Channel {
  post: (message: ToTextIndex) => void;
  close: () => void;
}

/** Runs `start` after the next frame is painted: the worker and its tokenizer (a megabyte) come after the first rows. */
function afterPaint(start: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame === 'undefined') {
    timer = setTimeout(start, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(start, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * A Web Worker where there is one; else the same core on this thread, a slice per task, so a frame is never held up.
 * A worker that fails (its script gone after a deploy, an error it did not catch) is reported through `fail`, once.
 */
function openChannel(receive: (message: FromTextIndex) => void, fail: (reason: string) => void, inPage = false): Channel {
  if (typeof Worker !== 'undefined' && !inPage) {
    let worker: Worker | null = null;
    // What is posted before the worker starts waits for it, in order, and goes a slice per task: a run that has
    // loaded sends every item at once, and copying them all to the worker in one task held the page.
    const waiting: ToTextIndex[] = [];
    /** Failed: what is posted after goes nowhere (the client opens another channel). */
    let dead = false;
    let cancelDrain: (() => void) | undefined;
    const drain = (to: Worker) => {
      cancelDrain = undefined;
      const until = performance.now() + SLICE_BUDGET_MS;
      while (waiting.length > 0 && performance.now() <= until) postCloneable(to, waiting.shift()!);
      if (waiting.length > 0) cancelDrain = inTask(() => drain(to));
    };
    const cancel = afterPaint(() => {
      worker = new Worker(new URL('./text-index.worker.ts', import.meta.url), { type: 'module', name: 'transcript text index' });
      worker.onmessage = (event: MessageEvent<FromTextIndex>) => receive(event.data);
      const failed = (reason: string) => {
        if (dead) return;
        dead = true;
        worker?.terminate();
        worker = null;
        cancelDrain?.();
        waiting.length = 0;
        fail(reason);
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        failed(event.message || 'the worker could not be started');
      };
      worker.onmessageerror = () => failed('a message from the worker could not be read');
      drain(worker);
    });
    return {
      post: (message) => {
        if (dead) return;
        if (worker && waiting.length === 0) postCloneable(worker, message);
        else waiting.push(message);
      },
      close: () => {
        cancel();
        cancelDrain?.();
        worker?.terminate();
      },
    };
  }
  let closed = false;
  // The index itself (search texts, token counting) loads only here, where there is no worker: a page with one never
  // fetches it, and the transcript's first rows do not wait for it.
  let core: TextIndexCore | null = null;
  let counting: ReturnType<typeof countingLoop> | null = null;
  /** Why the index could not be loaded: searches then find nothing, and the estimate says why. */
  let broken: string | null = null;
  // Nothing is counted (nor the tokenizer loaded) before the first rows are painted.
  let painted = false;
  const cancel = afterPaint(() => {
    painted = true;
    counting?.schedule();
  });
  // Messages are read a slice per task, as a worker would take them off the page's thread: a search text is built for
  // each item a message brings, and a whole run's worth in one task would hold the page.
  const queue: ToTextIndex[] = [];
  let cancelDrain: (() => void) | undefined;
  import('./text-index-core').then(
    (module) => {
      if (closed) return;
      core = new module.TextIndexCore((message) => {
        if (!closed) receive(message);
      });
      counting = module.countingLoop(core, SLICE);
      if (painted) counting.schedule();
      cancelDrain ??= inTask(drain);
    },
    (error: unknown) => {
      if (closed) return;
      broken = error instanceof Error ? error.message : String(error);
      receive({ type: 'index-failed', generation: 0, reason: broken.slice(0, 300) });
      cancelDrain ??= inTask(drain);
    },
  );
  const drain = () => {
    cancelDrain = undefined;
    if (!core) {
      // Not loaded yet (the load drains when it comes), or never: each search gets its empty answer.
      if (broken) for (const message of queue.splice(0)) if (message.type === 'search') receive({ type: 'matches', generation: message.generation, id: message.id, query: message.query, offsets: NO_MATCHES });
      return;
    }
    const until = performance.now() + SLICE_BUDGET_MS;
    // At least one message a task, however slow the clock says the last one was.
    while (queue.length > 0) {
      const message = queue.shift()!;
      try {
        core.receive(message);
      } catch (error) {
        // One message the index cannot read (an item it trips over) costs that message, not the rest; a search
        // still gets its answer.
        console.error('The text index could not read a message', error);
        if (message.type === 'search') receive({ type: 'matches', generation: message.generation, id: message.id, query: message.query, offsets: NO_MATCHES });
      }
      if (performance.now() > until) break;
    }
    if (painted) counting?.schedule();
    if (queue.length > 0 && !closed) cancelDrain = inTask(drain);
  };
  return {
    post: (message) => {
      if (closed) return;
      queue.push(message);
      cancelDrain ??= inTask(drain);
    },
    close: () => {
      closed = true;
      queue.length = 0;
      cancelDrain?.();
      cancel();
      counting?.stop();
    },
  };
}

/**
 * Posts a message; a structured clone refuses items nested thousands of levels deep, so a batch it refuses goes item
 * by item, and an item it refuses goes as its JSON text.
 */
function postCloneable(worker: Worker, message: ToTextIndex) {
  try {
    worker.postMessage(message);
  } catch (error) {
    if (message.type !== 'items') throw error;
    for (const entry of message.entries) {
      try {
        worker.postMessage({ ...message, entries: [entry] });
      } catch {
        if ('item' in entry) worker.postMessage({ ...message, entries: [{ end: entry.end, offset: entry.offset, json: stringifyJson(entry.item) }] });
      }
    }
  }
}

const slotKey = (slot: Slot) => `${slot.end[0]}${slot.offset}`;

/**
 * The page's side of the text index: feeds it each item once as pages arrive (and again when a live update changes
 * it), keeps the token counts it sends back by item ID, and asks it for matches. Nothing here walks an item.
 */
export class TextIndexClient {
  readonly byId = new Map<string, number>();
  readonly opaqueById = new Map<string, OpaqueData>();
  /** The same by the item itself: an item without an ID, or one of two with the same ID, has a count of its own. */
  byItem = new WeakMap<object, number>();
  opaqueByItem = new WeakMap<object, OpaqueData>();
  total = 0;
  /** Changes with every batch of counts. */
  revision = 0;
  private readonly bySlot = new Map<string, number>();
  private readonly seen: Record<End, number> = { head: 0, tail: 0, live: 0 };
  /** How many of the index's page starts of each end have been passed. */
  private readonly pagesPassed = { head: 0, tail: 0 };
  /** The lines of a page being sent that are still to go; they start at the end's next item to send. */
  private readonly linesLeft: Record<End, readonly PageLine[] | null> = { head: null, tail: null, live: null };
  private changesSeen = 0;
  private starts = 0;
  private generation = 1;
  private sent = 0;
  private counted = 0;
  private searchId = 0;
  private readonly searches = new Map<number, { query: string; resolve: (offsets: MatchOffsets) => void }>();
  /** The worker failed: the text index runs on this thread from then on. */
  private inPage = false;
  private readonly listeners = new Set<() => void>();
  private open: Channel | null = null;
  private countingOn = true;
  private cancelSlice: (() => void) | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;

  /** Why nothing is being counted: the tokenizer could not be loaded. Null while counting can go on. */
  tokenizerError: string | null = null;
  /** Why nothing can be searched: the index could not be loaded (its worker failed, and then its code on the page). */
  searchError: string | null = null;

  constructor(private readonly index: TranscriptIndex) {}

  /** Opened on first use, and again after `close`: a worker costs nothing until there are items. */
  private get channel(): Channel {
    if (!this.open) {
      const channel = openChannel(
        (message) => this.receive(message),
        () => this.workerFailed(channel),
        this.inPage,
      );
      this.open = channel;
      this.restart();
      if (!this.countingOn) this.open.post({ type: 'counting', generation: this.generation, on: false });
    }
    return this.open;
  }

  /**
   * The worker failed: everything it was sent goes again to the same index on this thread (sliced as it is between
   * frames), and the searches waiting for it are asked there, so search and the estimate go on.
   */
  private workerFailed(channel: Channel) {
    if (this.open !== channel) return;
    this.inPage = true;
    this.open = null;
    this.sync();
    for (const [id, { query }] of this.searches) this.channel.post({ type: 'search', generation: this.generation, id, query });
  }

  /** Every item the index holds has been sent and counted. */
  get done(): boolean {
    const index = this.index;
    const allSent = this.seen.head === index.head.length && this.seen.tail === index.tail.length && this.seen.live === index.live.length && this.changesSeen === index.changedSlots.length;
    return allSent && this.counted >= this.sent;
  }

  /** Sends what the index holds that the text index has not seen yet, all at once (a search needs every item). */
  sync(): void {
    this.cancelSlices();
    this.send();
  }

  /**
   * Sends the same a slice per task: copying a message for the worker costs the page's thread about as much as
   * reading the items did, so a long run's pages are copied between frames, not in one long task.
   */
  syncInSlices(): void {
    this.cancelSlice ??= inTask(() => {
      this.cancelSlice = undefined;
      const until = performance.now() + SLICE_BUDGET_MS;
      if (!this.send(() => performance.now() > until, true)) this.syncInSlices();
    });
  }

  private cancelSlices() {
    this.cancelSlice?.();
    this.cancelSlice = undefined;
  }

  /**
   * Posts new items a message at a time until `shouldStop` says so; returns whether everything was sent. With
   * `wholePages`, a page that came with its lines and is not read whole yet waits for the index to read the rest.
   */
  private send(shouldStop?: () => boolean, wholePages = false): boolean {
    const index = this.index;
    // Opening the channel starts the count over, so it opens before anything is counted as sent.
    const channel = this.channel;
    if (index.starts !== this.starts || index.head.length < this.seen.head || index.tail.length < this.seen.tail || index.live.length < this.seen.live || index.changedSlots.length < this.changesSeen) this.restart();
    this.starts = index.starts;
    const entries: ToTextIndexEntry[] = [];
    let items = 0;
    const flush = () => {
      if (entries.length === 0) return;
      this.sent += items;
      items = 0;
      channel.post({ type: 'items', generation: this.generation, entries: entries.splice(0) });
    };
    for (const end of ['head', 'tail', 'live'] as const) {
      const list = index[end];
      while (this.seen[end] < list.length) {
        // A page read whole goes as the text it was parsed from, a few hundred kilobytes per message.
        const lines = end === 'live' ? null : this.nextLines(end, wholePages);
        if (lines === 'wait') break;
        if (lines) {
          flush();
          let chars = 0;
          let taken = 0;
          while (taken < lines.length && (taken === 0 || chars < LINE_CHARS_PER_MESSAGE)) chars += lines[taken++].text.length;
          this.linesLeft[end] = taken < lines.length ? lines.slice(taken) : null;
          const group = lines.slice(0, taken);
          entries.push({ end, offset: this.seen[end], lines: group.map((line) => line.text) });
          for (const line of group) items += line.count;
          this.seen[end] += items;
        } else {
          entries.push({ end, offset: this.seen[end], item: list[this.seen[end]] });
          items += 1;
          this.seen[end] += 1;
        }
        if (lines || items >= ITEMS_PER_MESSAGE) {
          flush();
          if (shouldStop?.()) return false;
        }
      }
    }
    // Items held that changed (a live update, or the pairs that changed where the two ends met: in a hostile run, every
    // item of a key thousands reuse) go a message at a time too.
    while (this.changesSeen < index.changedSlots.length) {
      const slot = index.changedSlots[this.changesSeen];
      this.changesSeen += 1;
      entries.push({ ...slot, item: index.itemAt(slot) });
      items += 1;
      if (items >= ITEMS_PER_MESSAGE) {
        flush();
        if (shouldStop?.()) return false;
      }
    }
    flush();
    return true;
  }

  /**
   * The lines to send next from `end`: what is left of a page being sent, else those of a page that starts at the
   * next item and is read whole. A page with lines that is not read whole yet is 'wait' with `wholePages`, else it
   * goes item by item (its lines are let go).
   */
  private nextLines(end: 'head' | 'tail', wholePages: boolean): readonly PageLine[] | 'wait' | null {
    const left = this.linesLeft[end];
    if (left) return left;
    const offset = this.seen[end];
    const starts = this.index.pageStarts[end];
    while (this.pagesPassed[end] < starts.length && starts[this.pagesPassed[end]].offset < offset) this.pagesPassed[end] += 1;
    const page = starts[this.pagesPassed[end]]?.offset === offset ? starts[this.pagesPassed[end]].page : null;
    if (!page || !hasPageLines(page)) return null;
    const whole = offset + page.length <= this.index[end].length;
    if (!whole && wholePages) return 'wait';
    const lines = takePageLines(page);
    return whole ? (lines ?? null) : null;
  }

  /** Pauses token counting (while pages pour in) or resumes it; search texts are built either way. */
  setCounting(on: boolean): void {
    if (on === this.countingOn) return;
    this.countingOn = on;
    if (this.open) this.open.post({ type: 'counting', generation: this.generation, on });
  }

  /** The slots whose item contains the query, case-insensitive; the newest query's answer wins. */
  search(query: string): Promise<Slot[]> {
    return this.searchOffsets(query).then(slotsOfMatches);
  }

  /** `search`, answered as the offsets that match at each end (numbers, not an object per match). */
  searchOffsets(query: string): Promise<MatchOffsets> {
    this.sync();
    const id = ++this.searchId;
    return new Promise((resolve) => {
      this.searches.set(id, { query, resolve });
      this.channel.post({ type: 'search', generation: this.generation, id, query });
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the worker; the next use starts a new one and sends every item again. */
  close(): void {
    this.cancelSlices();
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    this.open?.close();
    this.open = null;
    for (const { resolve } of this.searches.values()) resolve(NO_MATCHES);
    this.searches.clear();
  }

  private restart() {
    this.generation += 1;
    this.channel.post({ type: 'reset', generation: this.generation });
    for (const end of ['head', 'tail', 'live'] as const) {
      this.seen[end] = 0;
      this.linesLeft[end] = null;
    }
    this.pagesPassed.head = 0;
    this.pagesPassed.tail = 0;
    this.changesSeen = 0;
    this.byId.clear();
    this.opaqueById.clear();
    this.byItem = new WeakMap();
    this.opaqueByItem = new WeakMap();
    this.bySlot.clear();
    this.total = 0;
    if (this.counted > 0) this.revision += 1;
    this.sent = 0;
    this.counted = 0;
  }

  private receive(message: FromTextIndex) {
    if (message.type === 'tokenizer-failed' || message.type === 'index-failed') {
      this.tokenizerError = message.reason;
      if (message.type === 'index-failed') this.searchError = message.reason;
      this.tell();
      return;
    }
    if (message.generation !== this.generation) {
      // An answer from before a restart: its slots mean other items now. A search still gets an answer.
      if (message.type === 'matches') this.settle(message.id, NO_MATCHES);
      return;
    }
    if (message.type === 'matches') {
      this.settle(message.id, message.offsets);
      return;
    }
    for (const entry of message.entries) {
      const key = slotKey(entry);
      this.total += entry.tokens - (this.bySlot.get(key) ?? 0);
      this.bySlot.set(key, entry.tokens);
      const item = this.index.itemAt(entry);
      if (item) {
        this.byItem.set(item, entry.tokens);
        if (entry.opaque) this.opaqueByItem.set(item, entry.opaque);
        else this.opaqueByItem.delete(item);
      }
      const id = item?.id;
      if (typeof id === 'string' && id) {
        this.byId.set(id, entry.tokens);
        if (entry.opaque) this.opaqueById.set(id, entry.opaque);
        else this.opaqueById.delete(id);
      }
    }
    this.counted += message.entries.length;
    // Each notice re-renders the page: counts that pour in are shown a few times a second, and the last at once.
    if (this.done) this.notify();
    else this.notifyTimer ??= setTimeout(() => this.notify(), NOTIFY_MS);
  }

  private notify() {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    this.revision += 1;
    this.tell();
  }

  private tell() {
    for (const listener of this.listeners) listener();
  }

  private settle(id: number, offsets: MatchOffsets) {
    const resolve = this.searches.get(id)?.resolve;
    this.searches.delete(id);
    // Only the newest query matters; older ones resolve empty-handed and are ignored by their caller.
    resolve?.(id === this.searchId ? offsets : NO_MATCHES);
  }
}
