import { useEffect, type RefObject } from 'react';

const MAX_RANGES = 5_000;

/**
 * `text` in lower case, character for character: a character whose lower case is longer (`İ` becomes `i̇`, two code
 * units) stays as it is, so positions in the result are positions in `text`, where a range is set.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

function rangesIn(root: Element, needle: string): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ranges.length < MAX_RANGES; node = walker.nextNode()) {
    const text = lowerSameLength(node.nodeValue ?? '');
    for (let at = text.indexOf(needle); at !== -1 && ranges.length < MAX_RANGES; at = text.indexOf(needle, at + needle.length)) {
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}

/**
 * Marks the query in the rendered rows without touching their DOM, through the CSS Custom Highlight API:
 * every match in one colour, those in the current row in another. Rows render lazily and come and go as
 * the list scrolls, so the marks are redrawn whenever the list's DOM changes.
 */
export function useMatchHighlights(listRef: RefObject<HTMLElement | null>, query: string, currentRow: number | null, listShown: boolean) {
  useEffect(() => {
    const list = listRef.current;
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    const needle = query.trim().toLowerCase();
    // The list element appears only once items have loaded.
    if (!listShown || !list || !registry || typeof Highlight === 'undefined') return;
    if (!needle) {
      registry.delete('transcript-match');
      registry.delete('transcript-current');
      return;
    }
    let frame = 0;
    const draw = () => {
      frame = 0;
      const current = currentRow === null ? null : list.querySelector(`[data-row="${currentRow}"]`);
      const all = rangesIn(list, needle);
      const inCurrent = current ? all.filter((range) => current.contains(range.startContainer)) : [];
      registry.set('transcript-match', new Highlight(...all));
      registry.set('transcript-current', new Highlight(...inCurrent));
    };
    draw();
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(draw);
    });
    observer.observe(list, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete('transcript-match');
      registry.delete('transcript-current');
    };
  }, [listRef, query, currentRow, listShown]);
}
