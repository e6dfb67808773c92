// TanStack Virtual's names for the batch steps it keeps to itself; `batchInternals` checks they are there.
/* oxlint-disable no-underscore-dangle */
import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';

/**
 * The parts of TanStack Virtual's virtualiser that its own ResizeObserver uses to apply one batch of measurements.
 * They are not in its typings; `RowMeasurer` checks they are there and otherwise leaves measuring to the virtualiser.
 */
interface BatchInternals {
  _resizeBatch: { sync: boolean; notify?: boolean } | null;
  notify(sync: boolean): void;
  _noteClampMax(): void;
  _flushHoldIfReady(sync: boolean): void;
  _retryClampedAdjustment(): void;
}

type AnyVirtualizer = Virtualizer<Window, Element> | Virtualizer<Element, Element>;

function batchInternals(virtualizer: AnyVirtualizer): BatchInternals | null {
  const candidate = virtualizer as unknown as Partial<BatchInternals>;
  const ready =
    '_resizeBatch' in virtualizer &&
    typeof candidate.notify === 'function' &&
    typeof candidate._noteClampMax === 'function' &&
    typeof candidate._flushHoldIfReady === 'function' &&
    typeof candidate._retryClampedAdjustment === 'function';
  return ready ? (candidate as BatchInternals) : null;
}

/** What the measurer reads of a ResizeObserver entry (a real one in the browser). */
export interface RowResize {
  readonly target: Element;
  readonly borderBoxSize?: ReadonlyArray<{ readonly blockSize: number }>;
}

/**
 * Measures a virtualised list's rows and hands each batch of sizes to the virtualiser bottom row first.
 *
 * TanStack Virtual's own observer hands them over top row first. Once a row above the screen has grown or shrunk, the
 * rows below it have moved, so before each later row of the batch it lays out every row below again: after a jump
 * into a 50,000-row run that was 10 to 15 walks of tens of thousands of rows in one frame. Taken bottom first, a
 * row's start never depends on a size already changed in the batch, so no walk is needed: the virtualiser's own rules
 * (which rows move the scroll position, and by how much) still apply to every row, and it lays the rows out once,
 * when it next renders.
 *
 * `renderNow`, when given, renders the list at once (React's `flushSync`) after a batch that moved the scroll position,
 * so the moved rows are painted with it, for a list whose virtualiser does not render synchronously on its own.
 */
export class RowMeasurer {
  private observer: ResizeObserver | null = null;
  private readonly internals: BatchInternals | null;

  constructor(
    private readonly virtualizer: AnyVirtualizer,
    private readonly renderNow?: () => void,
  ) {
    this.internals = batchInternals(virtualizer);
  }

  /** The ref for each row element (which carries the virtualiser's `data-index`); a row stops being observed as it unmounts. */
  readonly ref = (node: Element | null): void | (() => void) => {
    if (!this.internals) {
      this.virtualizer.measureElement(node);
      return;
    }
    if (!node) return;
    this.observer ??= typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => this.apply(entries));
    this.observer?.observe(node);
    return () => this.observer?.unobserve(node);
  };

  /** Applies one batch of row sizes, as a ResizeObserver reports them. */
  apply(entries: readonly RowResize[]): void {
    const internals = this.internals;
    const virtualizer = this.virtualizer;
    if (!internals) return;
    const sizes: Array<[index: number, size: number]> = [];
    for (const entry of entries) {
      const node = entry.target;
      if (!node.isConnected) continue;
      const index = virtualizer.indexFromElement(node);
      if (index < 0 || index >= virtualizer.options.count) continue;
      const box = entry.borderBoxSize?.[0];
      sizes.push([index, Math.round(box ? box.blockSize : node.getBoundingClientRect().height)]);
    }
    if (sizes.length === 0) return;
    sizes.sort((a, b) => b[0] - a[0]);
    // Lay out anything left from before this batch (rows added or removed) once, so each row's start is current.
    virtualizer.getTotalSize();
    const batch: { sync: boolean; notify?: boolean } = { sync: false };
    let sync = false;
    internals._resizeBatch = batch;
    try {
      for (const [index, size] of sizes) {
        // The virtualiser lays every row out again before the next one once a row has moved the scroll position;
        // bottom first, no row's start has changed yet, so that walk is skipped.
        batch.sync = false;
        virtualizer.resizeItem(index, size);
        sync ||= batch.sync;
      }
    } finally {
      internals._resizeBatch = null;
    }
    if (!batch.notify) return;
    // What the virtualiser's own observer does after a batch: one notification (synchronous if the scroll position
    // moved, so the moved rows are painted with it), then its scroll bookkeeping.
    internals.notify(sync);
    internals._noteClampMax();
    internals._flushHoldIfReady(true);
    internals._retryClampedAdjustment();
    if (sync) this.renderNow?.();
  }
}

/**
 * A row that shows at most this much below the sticky toolbar (the 12 px between rows and about a line of its text) is
 * not what the reader reads: the next row is.
 */
const READER_SLIVER = 32;

/**
 * When a row's new size moves the scroll position with it, so that what the reader sees stays put: TanStack Virtual's
 * own rule, measured from the reader's first line (under a sticky toolbar `stickyOffset` tall) instead of the top of
 * the window, since a row that changes size under the toolbar moves what the reader sees too.
 */
export function keepReaderLine(stickyOffset: number, focusedRow: () => number | null = () => null) {
  return (item: VirtualItem, _delta: number, instance: AnyVirtualizer): boolean => {
    const line = (instance.scrollOffset ?? 0) + stickyOffset;
    if (!instance.itemSizeCache.has(item.key)) return item.start < line;
    // Measured for the first time: its guessed block was all above the line. Measured again: it was all above it, or
    // showed no more than a sliver below it (less than half of it), where the reader is reading the row after it,
    // unless the reader is on it (a row opened or closed keeps its top where the reader clicked). A row across the
    // line otherwise grows or shrinks at its end, below the line, as a streaming answer does.
    const sliver = item.index === focusedRow() ? 0 : Math.min(READER_SLIVER, item.size / 2);
    return item.end <= line + sliver && instance.scrollDirection !== 'backward';
  };
}
