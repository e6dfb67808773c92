// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Range } from '@tanstack/react-virtual';
import { keepingRow, rowHoldingFocus } from './keeping-row';

const range = (startIndex: number, endIndex: number, count = 100) => ({ startIndex, endIndex, count, overscan: 4, lanes: 1 });
/** The rows from `before` above the screen to `after` below it. */
const around = (before: number, after: number) => ({ startIndex, endIndex, count }: Range) =>
  Array.from({ length: Math.min(count - 1, endIndex + after) - Math.max(0, startIndex - before) + 1 }, (_, offset) => Math.max(0, startIndex - before) + offset);

describe('keepingRow', () => {
  it('adds the kept row where the screen has moved away from it, in order', () => {
    let kept: number | null = 3;
    const extract = keepingRow(around(4, 4), () => kept);
    expect(extract(range(40, 42))).toEqual([3, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46]);
    kept = 90;
    expect(extract(range(40, 42))).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 90]);
  });

  it('adds nothing when the kept row is rendered anyway, there is none, or the list has fewer rows now', () => {
    let kept: number | null = 12;
    const extract = keepingRow(around(0, 3), () => kept);
    expect(extract(range(10, 14))).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    kept = null;
    expect(extract(range(10, 14))).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    kept = 120;
    expect(extract(range(10, 14))).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
  });
});

describe('rowHoldingFocus', () => {
  afterEach(() => document.body.replaceChildren());

  it('names the row of the list whose control holds the focus, by its position', () => {
    document.body.innerHTML = '<ol id="list"><li data-position="7"><button id="inside">Show</button></li></ol><button id="outside">Elsewhere</button>';
    const list = document.getElementById('list');
    document.getElementById('inside')!.focus();
    expect(rowHoldingFocus(list, 'position')).toBe(7);
    document.getElementById('outside')!.focus();
    expect(rowHoldingFocus(list, 'position')).toBeNull();
  });

  it('names no row of another list, or one whose position is not a number', () => {
    document.body.innerHTML = '<ol id="a"></ol><ol id="b"><li data-position="2" tabindex="-1" id="row"></li><li data-position="x" tabindex="-1" id="odd"></li></ol>';
    document.getElementById('row')!.focus();
    expect(rowHoldingFocus(document.getElementById('a'), 'position')).toBeNull();
    expect(rowHoldingFocus(document.getElementById('b'), 'position')).toBe(2);
    document.getElementById('odd')!.focus();
    expect(rowHoldingFocus(document.getElementById('b'), 'position')).toBeNull();
  });
});
