import { useEffect, type RefObject } from 'react';
import { foldForSearch, foldWithOffsets, originalSpan, type FoldedText } from '../../../lib/search-fold';

const MAX_RANGES = 5_000;

/** The ranges of the rendered text under `root` that the folded `needle` matches (see `foldForSearch`). */
/** Each text node's folded text, kept while its text stays the same: the marks are redrawn at every change of the list. */
const foldedNodes = new WeakMap<Node, { value: string; folded: FoldedText }>();

function foldedNode(node: Node): FoldedText {
  const value = node.nodeValue ?? '';
  const known = foldedNodes.get(node);
  if (known?.value === value) return known.folded;
  const folded = foldWithOffsets(value);
  foldedNodes.set(node, { value, folded });
  return folded;
}

export function rangesIn(root: Element, needle: string): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ranges.length < MAX_RANGES; node = walker.nextNode()) {
    // Folded as the search folds (case, accents): a match is mapped back onto whole characters of the node's text.
    const folded = foldedNode(node);
    let markedTo = 0;
    for (let at = folded.text.indexOf(needle); at !== -1 && ranges.length < MAX_RANGES; at = folded.text.indexOf(needle, at + needle.length)) {
      const [start, end] = originalSpan(folded, at, needle.length);
      // Two matches inside one character ("s" twice in the "ss" of "ß") mark it once.
      if (start < markedTo) continue;
      markedTo = end;
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, end);
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
    const needle = foldForSearch(query.trim());
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
