import type { ExportItem } from '../../../shared/export/export-document';

/** Enough rows to fill a screen at once; the rest follow a page per task, each indexed in a few milliseconds. */
export const FIRST_PAGE = 200;
export const PAGE = 2000;

/**
 * The items of an opened file as they arrive, handed to the view one page per task however fast they came, so the
 * first rows show before the rest is indexed and the page answers clicks between pages. `all` holds every item
 * received at once and grows in place: whoever holds it (a snapshot of the file) sees every item once `complete`.
 */
export class ArrivingItems {
  readonly pages: ExportItem[][] = [];
  readonly all: ExportItem[] = [];
  complete = false;
  /** Changes with every page shown and on completion. */
  version = 0;
  private readonly waiting: ExportItem[][] = [];
  private received = false;
  private scheduled = false;
  private readonly listeners = new Set<() => void>();

  add(page: ExportItem[]): void {
    if (page.length === 0) return;
    for (const item of page) this.all.push(item);
    this.waiting.push(page);
    this.schedule();
  }

  /** Every item has been received; the view is complete once it has shown them all. */
  finish(): void {
    this.received = true;
    this.schedule();
  }

  /** Why the rest of the file never came, when its reading failed part way; the items received stay. */
  failure: string | null = null;

  fail(reason: string): void {
    this.failure = reason;
    this.finish();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Items already in memory (pasted JSON, or a browser without workers), handed over the same way. */
  static from(items: readonly ExportItem[]): ArrivingItems {
    const arriving = new ArrivingItems();
    arriving.add(items.slice(0, FIRST_PAGE));
    for (let start = FIRST_PAGE; start < items.length; start += PAGE) arriving.add(items.slice(start, start + PAGE));
    arriving.finish();
    return arriving;
  }

  private schedule() {
    // The first page shows as soon as anyone looks; later ones wait a frame each, so what came before is painted.
    if (this.pages.length === 0 && this.waiting.length > 0) this.release();
    else this.later();
  }

  private later() {
    if (this.scheduled) return;
    this.scheduled = true;
    const release = () => setTimeout(() => this.release(), 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(release);
    else release();
  }

  private release() {
    this.scheduled = false;
    const page = this.waiting.shift();
    if (page) this.pages.push(page);
    if (this.waiting.length === 0 && this.received && !this.complete) this.complete = true;
    this.version += 1;
    for (const listener of this.listeners) listener();
    if (this.waiting.length > 0 || (this.received && !this.complete)) this.later();
  }
}
