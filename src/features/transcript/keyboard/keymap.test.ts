import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput } from './keymap';

const press = (key: string, extra: Partial<KeyInput> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, inSearch: false, onRow: false, ...extra });

describe('shortcutFor', () => {
  it('moves between items with j and k, and focuses search with /', () => {
    expect(press('j')).toBe('next-item');
    expect(press('k')).toBe('previous-item');
    expect(press('/')).toBe('focus-search');
    expect(press('?')).toBe('show-help');
  });

  it('toggles and copies only when an item row has focus', () => {
    expect(press('Enter', { onRow: true })).toBe('toggle-item');
    expect(press('c', { onRow: true })).toBe('copy-link');
    expect(press('Enter')).toBeNull();
    expect(press('c')).toBeNull();
  });

  it("takes Home and End to the list's ends from the page or a row, and leaves them to any other control", () => {
    expect(press('Home', { onPage: true })).toBe('first-item');
    expect(press('End', { onPage: true })).toBe('last-item');
    expect(press('End', { onRow: true })).toBe('last-item');
    // A button in an item's toolbar (its arrow keys and Home / End move along it), a link, a code block.
    expect(press('End')).toBeNull();
    expect(press('Home', { typing: true, onPage: true })).toBeNull();
  });

  it('never fires while the reader is typing', () => {
    for (const key of ['j', 'k', '/', '?', 'c', 'Enter']) expect(press(key, { typing: true, onRow: true })).toBeNull();
  });

  it('takes Ctrl+F and Cmd+F for the transcript search, and lets a second press through to the browser', () => {
    expect(press('f', { ctrlKey: true })).toBe('find');
    expect(press('F', { metaKey: true, typing: true })).toBe('find');
    expect(press('f', { ctrlKey: true, inSearch: true, typing: true })).toBeNull();
  });

  it('leaves other modified keys alone', () => {
    expect(press('j', { ctrlKey: true })).toBeNull();
    expect(press('c', { metaKey: true, onRow: true })).toBeNull();
    expect(press('x')).toBeNull();
  });
});
