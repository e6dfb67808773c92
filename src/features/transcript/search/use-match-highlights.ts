import { useEffect, useState, type RefObject } from 'react';
import { foldForSearch, foldWithOffsets, originalSpan, type FoldedText } from '../../../lib/search-fold';

const MAX_RANGES = 5_000;

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

/** Elements that flow inside a line of text: a word split across them (highlighted code, `Caf<b>é</b>`) is one word. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DEL', 'EM', 'I', 'INS', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

/**
 * The ranges of the rendered text under `root` that the folded `needle` matches (see `foldForSearch`). The text
 * nodes of one block are read as one text, as a browser's find reads them, so a match may start in one node and end
 * in another; a match never joins two blocks (the end of one paragraph and the start of the next). At most `limit`,
 * the first ones.
 */
export function rangesIn(root: Element, needle: string, limit = MAX_RANGES): Range[] {
  const ranges: Range[] = [];
  const blocks = new Map<Element | null, Element | null>();
  const blockOf = (node: Node): Element | null => {
    const parent = node.parentElement;
    let block = blocks.get(parent);
    if (block === undefined) {
      block = parent;
      while (block && block !== root && INLINE.has(block.tagName)) block = block.parentElement;
      blocks.set(parent, block);
    }
    return block;
  };
  // The page's own words (a row's badges, its token label, its buttons) are not what the search reads: not marked.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).hasAttribute('data-search-skip') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP,
  });
  let nodes: Node[] = [];
  let block: Element | null = null;
  for (let node = walker.nextNode(); node && ranges.length < limit; node = walker.nextNode()) {
    const nodeBlock = blockOf(node);
    if (nodes.length > 0 && nodeBlock !== block) {
      rangesInBlock(nodes, needle, ranges, limit);
      nodes = [];
    }
    block = nodeBlock;
    nodes.push(node);
  }
  if (nodes.length > 0 && ranges.length < limit) rangesInBlock(nodes, needle, ranges, limit);
  return ranges.slice(0, limit);
}

/** Adds the matches in one block's text nodes, read as one text. */
function rangesInBlock(nodes: readonly Node[], needle: string, ranges: Range[], limit: number) {
  // Folded as the search folds (case, accents): a match is mapped back onto whole characters of each node's text.
  const folds = nodes.map(foldedNode);
  const starts: number[] = [];
  // White space split between two nodes ("foo\n" and "  bar") is one space, as the search reads it whole: a node's
  // folded text that starts with a space after one that ended with a space gives up that first space.
  const skips: number[] = [];
  let text = '';
  for (const folded of folds) {
    const skip = text.endsWith(' ') && folded.text.startsWith(' ') ? 1 : 0;
    starts.push(text.length);
    skips.push(skip);
    text += skip ? folded.text.slice(1) : folded.text;
  }
  /** The node that holds a position of the block's folded text. */
  const nodeAt = (position: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  let marked = { node: -1, to: 0 };
  for (let at = text.indexOf(needle); at !== -1 && ranges.length < limit; at = text.indexOf(needle, at + needle.length)) {
    const first = nodeAt(at);
    const last = nodeAt(at + needle.length - 1);
    const [start] = originalSpan(folds[first], at - starts[first] + skips[first], 1);
    const [, end] = originalSpan(folds[last], at + needle.length - 1 - starts[last] + skips[last], 1);
    // Two matches inside one character ("s" twice in the "ss" of "ß") mark it once.
    if (first === marked.node && start < marked.to) continue;
    marked = { node: last, to: end };
    const range = new Range();
    range.setStart(nodes[first], start);
    range.setEnd(nodes[last], end);
    ranges.push(range);
  }
}

/**
 * Marks the query in the rendered rows without touching their DOM, through the CSS Custom Highlight API:
 * every match in one colour, those in the current row in another. Rows render lazily and come and go as
 * the list scrolls, so the marks are redrawn whenever the list's DOM changes. `answered`: false while the search for a
 * new query has not answered, when the marks of the last answer stay.
 */
export function useMatchHighlights(listRef: RefObject<HTMLElement | null>, shownQuery: string, shownRow: number | null, listShown: boolean, shownFound = true, answered = true) {
  // While a new query's answer is on its way, the last answer's marks stay, rather than vanishing at each key typed.
  const [held, setHeld] = useState({ query: shownQuery, row: shownRow, found: shownFound });
  if (answered && (held.query !== shownQuery || held.row !== shownRow || held.found !== shownFound)) setHeld({ query: shownQuery, row: shownRow, found: shownFound });
  const { query, row: currentRow, found } = answered ? { query: shownQuery, row: shownRow, found: shownFound } : held;
  useEffect(() => {
    const list = listRef.current;
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    // A search that found nothing marks nothing, whatever else on the page holds its words.
    const needle = found ? foldForSearch(query.trim()) : '';
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
  }, [listRef, query, currentRow, listShown, found]);
}
