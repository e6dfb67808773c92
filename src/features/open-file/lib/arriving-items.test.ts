import { describe, expect, it, vi } from 'vitest';
import { ArrivingItems, FIRST_PAGE, PAGE } from './arriving-items';

const items = (count: number) => Array.from({ length: count }, (_, n) => ({ id: `m${n}`, type: 'message' }));

describe('items of an opened file, as they arrive', () => {
  it('shows the first page at once and hands over the rest a page per task, whatever arrived already', async () => {
    const arriving = ArrivingItems.from(items(FIRST_PAGE + PAGE * 2 + 5));
    expect(arriving.pages).toHaveLength(1);
    expect(arriving.pages[0]).toHaveLength(FIRST_PAGE);
    expect(arriving.complete).toBe(false);
    expect(arriving.all).toHaveLength(FIRST_PAGE + PAGE * 2 + 5);
    const versions: number[] = [];
    arriving.subscribe(() => versions.push(arriving.pages.length));
    await vi.waitFor(() => expect(arriving.pages.map((page) => page.length)).toEqual([FIRST_PAGE, PAGE, PAGE, 5]));
    await vi.waitFor(() => expect(arriving.complete).toBe(true));
    expect(versions.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('a small file is complete at once', async () => {
    const arriving = ArrivingItems.from(items(3));
    await vi.waitFor(() => expect(arriving.complete).toBe(true));
    expect(arriving.pages.flat()).toHaveLength(3);
  });

  it('keeps what was received when reading fails part way, says why, and ends', async () => {
    const arriving = new ArrivingItems();
    arriving.add(items(3));
    arriving.fail('The browser stopped reading the file after 3 items; what came before is shown.');
    await vi.waitFor(() => expect(arriving.complete).toBe(true));
    expect(arriving.all).toHaveLength(3);
    expect(arriving.failure).toMatch(/after 3 items/);
  });
});
