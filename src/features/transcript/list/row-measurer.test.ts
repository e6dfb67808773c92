import { Virtualizer } from '@tanstack/react-virtual';
import { afterEach, describe, expect, it } from 'vitest';
import { keepReaderLine, RowMeasurer, type RowResize } from './row-measurer';

const COUNT = 20_000;
const GUESS = 100;

/** A real virtualiser over a scrolling element, scrolled to `offset`, that records where it scrolls to. */
function scrolledList(offset: number) {
  const scrollElement = document.createElement('div');
  document.body.append(scrollElement);
  const writes: number[] = [];
  const guesses = { count: 0 };
  const virtualizer = new Virtualizer<Element, Element>({
    count: COUNT,
    getScrollElement: () => scrollElement,
    estimateSize: () => {
      guesses.count += 1;
      return GUESS;
    },
    overscan: 4,
    initialOffset: offset,
    // As the browser does: the element scrolls to the offset plus any correction; its scroll event comes later.
    scrollToFn: (to, { adjustments = 0 }) => writes.push(to + adjustments),
    observeElementRect: (_instance, callback) => {
      callback({ width: 800, height: 600 });
      return () => {};
    },
    observeElementOffset: (_instance, callback) => {
      callback(offset, false);
      return () => {};
    },
  });
  // What a framework adapter calls as the list mounts and renders.
  // oxlint-disable-next-line no-underscore-dangle
  const unmount = virtualizer._didMount();
  // oxlint-disable-next-line no-underscore-dangle
  virtualizer._willUpdate();
  writes.length = 0;
  return { virtualizer, writes, guesses, scrollElement, unmount };
}

/** The rows the virtualiser shows, as elements carrying its index attribute, each `size` tall once rendered. */
function renderedRows(virtualizer: Virtualizer<Element, Element>, size: (index: number) => number): RowResize[] {
  return virtualizer.getVirtualItems().map((row) => {
    const element = document.createElement('li');
    element.dataset.index = String(row.index);
    document.body.append(element);
    return { target: element, borderBoxSize: [{ blockSize: size(row.index) }] };
  });
}

afterEach(() => document.body.replaceChildren());

describe('RowMeasurer', () => {
  it('keeps the row at the top of the screen in place when rows above it turn out taller than guessed', () => {
    const top = 10_000;
    const { virtualizer, writes, unmount } = scrolledList(top * GUESS);
    const rows = renderedRows(virtualizer, () => 150);
    const above = rows.filter((row) => Number((row.target as HTMLElement).dataset.index) < top).length;
    expect(above).toBeGreaterThan(0);

    new RowMeasurer(virtualizer).apply(rows);

    // Each row above the screen grew by 50 px, so the page scrolled down by as much, and the top row stayed put.
    expect(writes.at(-1)).toBe(top * GUESS + above * 50);
    const topRow = virtualizer.getVirtualItems().find((row) => row.index === top)!;
    expect(topRow.start - virtualizer.scrollOffset!).toBe(0);
    expect(topRow.size).toBe(150);
    unmount();
  });

  it('lays the rows out once per batch, not once per row measured after one above the screen', () => {
    const { virtualizer, guesses, unmount } = scrolledList(10_000 * GUESS);
    const rows = renderedRows(virtualizer, () => 150);
    virtualizer.getTotalSize();
    guesses.count = 0;

    new RowMeasurer(virtualizer).apply(rows);
    virtualizer.getTotalSize();

    // One layout from the first measured row to the end asks for every later row's guess once (about 10,000 here);
    // laying out again before each of the batch's rows would ask more than ten times as often.
    expect(guesses.count).toBeLessThan(COUNT - 10_000 + 100);
    unmount();
  });

  it('leaves the scroll position alone when only rows below the top change', () => {
    const top = 500;
    const { virtualizer, writes, unmount } = scrolledList(top * GUESS);
    const rows = renderedRows(virtualizer, (index) => (index >= top ? 40 : GUESS));

    new RowMeasurer(virtualizer).apply(rows);

    expect(writes).toEqual([]);
    expect(virtualizer.getVirtualItems().find((row) => row.index === top + 1)!.start).toBe(top * GUESS + 40);
    unmount();
  });

  it('renders the list at once after a batch that moved the scroll position, and only then', () => {
    const top = 500;
    const { virtualizer, unmount } = scrolledList(top * GUESS);
    let renders = 0;
    const measurer = new RowMeasurer(virtualizer, () => (renders += 1));

    // Rows below the top shrink: nothing above the reader moved, the next render can wait.
    measurer.apply(renderedRows(virtualizer, (index) => (index >= top ? 40 : GUESS)));
    expect(renders).toBe(0);

    // Rows above the top grow: the page scrolled with them, so the moved rows are rendered before the frame paints.
    measurer.apply(renderedRows(virtualizer, (index) => (index >= top ? 40 : 150)));
    expect(renders).toBe(1);
    unmount();
  });

  it('skips rows that left the page before their size arrived', () => {
    const { virtualizer, unmount } = scrolledList(0);
    const [first] = renderedRows(virtualizer, () => 300);
    first!.target.remove();

    new RowMeasurer(virtualizer).apply([first!]);

    expect(virtualizer.getVirtualItems()[0]!.size).toBe(GUESS);
    unmount();
  });

  it('keeps the reader in place when a row under the sticky toolbar changes size, not only one above the window', () => {
    const { virtualizer, writes, unmount } = scrolledList(10_000 * GUESS);
    const measurer = new RowMeasurer(virtualizer);
    measurer.apply(renderedRows(virtualizer, () => 110));
    writes.length = 0;
    const offset = virtualizer.scrollOffset!;
    const under = virtualizer.getVirtualItemForOffset(offset + 1)!;
    // A toolbar that covers the row at the top of the window and the first 10 px of the next one.
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepReaderLine(under.end - offset + 10);
    measurer.apply(renderedRows(virtualizer, (index) => (index === under.index ? 160 : 110)));
    expect(writes).toEqual([offset + 50]);

    // The row across the reader's line grows at its end, below the line: nothing the reader sees moves.
    measurer.apply(renderedRows(virtualizer, (index) => (index === under.index ? 160 : index === under.index + 1 ? 400 : 110)));
    expect(writes).toEqual([offset + 50]);
    unmount();
  });

  it('keeps the row after it in place when a row that shows only a sliver below the toolbar changes size', () => {
    const { virtualizer, writes, unmount } = scrolledList(10_000 * GUESS);
    const measurer = new RowMeasurer(virtualizer);
    measurer.apply(renderedRows(virtualizer, () => 110));
    writes.length = 0;
    const offset = virtualizer.scrollOffset!;
    const next = virtualizer.getVirtualItemForOffset(offset + 1)!.index + 1;
    const nextEnd = virtualizer.getVirtualItems().find((item) => item.index === next)!.end;
    // A toolbar that covers all of that row but its last 5 px: the reader reads the row after it.
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepReaderLine(nextEnd - offset - 5);
    measurer.apply(renderedRows(virtualizer, (index) => (index === next ? 150 : 110)));
    expect(writes).toEqual([offset + 40]);
    unmount();
  });

  it('keeps the top of a row the reader opens, however little of it is under the toolbar: a short row, or the one holding the focus', () => {
    const { virtualizer, writes, unmount } = scrolledList(10_000 * GUESS);
    const measurer = new RowMeasurer(virtualizer);
    measurer.apply(renderedRows(virtualizer, () => 36));
    writes.length = 0;
    const offset = virtualizer.scrollOffset!;
    const next = virtualizer.getVirtualItemForOffset(offset + 1)!.index + 1;
    const nextEnd = virtualizer.getVirtualItems().find((item) => item.index === next)!.end;
    // A folded row of 36 px with its first 4 px under the toolbar: its title shows, and it opens where it is.
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepReaderLine(nextEnd - offset - 32);
    measurer.apply(renderedRows(virtualizer, (index) => (index === next ? 436 : 36)));
    expect(writes).toEqual([]);
    // A taller row with a sliver below the toolbar that holds the focus (the reader opened it) opens where it is too.
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepReaderLine(nextEnd - offset - 5 + 400, () => next + 1);
    measurer.apply(renderedRows(virtualizer, (index) => (index === next ? 436 : index === next + 1 ? 300 : 36)));
    expect(writes).toEqual([]);
    unmount();
  });

  it("leaves measuring to the virtualiser's own observer when its batch steps are not there", () => {
    const { virtualizer, unmount } = scrolledList(0);
    const measured: Array<Element | null> = [];
    // A virtualiser without the steps `RowMeasurer` relies on (a future version, say).
    const bare = Object.assign(Object.create(virtualizer) as typeof virtualizer, { notify: undefined, measureElement: (node: Element | null) => void measured.push(node) });
    const measurer = new RowMeasurer(bare);
    const [row] = renderedRows(virtualizer, () => 300);

    expect(measurer.ref(row!.target)).toBeUndefined();
    expect(measured).toEqual([row!.target]);
    unmount();
  });
});
