import { describe, expect, it } from 'vitest';
import { renderedRows } from './rendered-rows';

const range = (startIndex: number, endIndex: number, count = 100) => ({ startIndex, endIndex, count, overscan: 4, lanes: 1 });

describe('renderedRows', () => {
  it('renders four rows either side of the screen while the list is still, within the list', () => {
    expect(renderedRows(null)(range(10, 14))).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(renderedRows(null)(range(0, 2, 5))).toEqual([0, 1, 2, 3, 4]);
  });

  it('renders the rows on screen and three ahead while scrolling, none behind', () => {
    expect(renderedRows('forward')(range(10, 14))).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(renderedRows('backward')(range(10, 14))).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
    expect(renderedRows('forward')(range(97, 99))).toEqual([97, 98, 99]);
  });

  it("renders only the screen's rows for a list's first rows", () => {
    expect(renderedRows(null, true)(range(0, 6))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(renderedRows('forward', true)(range(10, 12))).toEqual([10, 11, 12]);
  });

  it('keeps the same function while the way the list moves stays the same', () => {
    expect(renderedRows('forward')).toBe(renderedRows('forward'));
    expect(renderedRows(null)).not.toBe(renderedRows('backward'));
  });
});
