import { useEffect, useRef, type RefObject } from 'react';
import { TranscriptIndex } from '../data/transcript-index';
import type { ItemUiStore } from '../list/item-ui-store';
import type { TranscriptListHandle } from '../list/transcript-list';
import type { ViewRows } from '../list/view-rows';
import { LINK_QUERY_MAX } from '../types';
import type { TranscriptSearch } from './use-transcript-search';
import { rangesIn } from './use-match-highlights';
import { foldForSearch } from '../../../lib/search-fold';

interface SearchSteering {
  /** What the search box holds, and what the URL holds. */
  query: string;
  urlQuery: string;
  onUrlQuery: (query: string) => void;
  search: TranscriptSearch;
  index: TranscriptIndex;
  rows: ViewRows;
  store: ItemUiStore;
  list: RefObject<TranscriptListHandle | null>;
  topView: number | null;
  /** The page opened at a linked item: the link's own search highlights its matches without moving the reader. */
  linkedItem: boolean;
}

/** How long typing pauses before the search goes into the URL. */
const URL_DELAY_MS = 400;


/**
 * Moves the reader to matches: typing makes the first match at or below the reader's place current and brings it
 * into view, as a browser's find does, and stepping moves on; either opens a folded item, so its match shows. The query goes into the URL once typing
 * pauses, so a link shares the filtered view.
 */
export function useSearchSteering({ query, urlQuery, onUrlQuery, search, index, rows, store, list, topView, linkedItem }: SearchSteering) {
  const goTo = (target: number | null) => {
    if (target === null) return;
    store.setCollapsed(TranscriptIndex.keyOf(index.slotAt(rows.rowAt(target))), false);
    // The row's first match comes on screen too, where the middle of a tall row would leave it screens away.
    const needle = foldForSearch(search.query.trim());
    list.current?.scrollToView(target, { align: 'center', part: (row) => rangesIn(row, needle, 1)[0] ?? null });
  };

  useEffect(() => {
    if (query === urlQuery) return;
    // A search too long for a link stays in the box only: a link reads back at most this much of it, and past about
    // 16 KB a server refuses the page's own URL (431).
    const timer = setTimeout(() => onUrlQuery(query.length <= LINK_QUERY_MAX ? query : ''), URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, urlQuery, onUrlQuery]);

  // A link to an item with a search in it is a link to that item: its first matches do not take the reader away.
  const lastJumped = useRef(linkedItem ? urlQuery : '');
  useEffect(() => {
    // A search cleared and typed again finds again from where the reader is, as a browser's find does.
    if (!search.query.trim()) lastJumped.current = '';
    if (!search.query.trim() || search.query === lastJumped.current || !search.answered) return;
    if (search.matches.length === 0) {
      // Nothing in the whole conversation: a match that arrives later (a live update) is counted, and the reader stays
      // where they are reading, as they do for any other item that arrives. (While it loads, the matches of its later
      // pages still take the reader to the first one.)
      if (index.complete) lastJumped.current = search.query;
      return;
    }
    lastJumped.current = search.query;
    // Where the reader is now, asked of the list: the top row kept in state follows a scroll a frame later.
    goTo(search.start(list.current?.topViewIndex() ?? topView));
    // `search.start` and `goTo` are new each render; this runs when the query's matches arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.query, search.matches, search.answered, topView]);

  return {
    step: (direction: 1 | -1) => goTo(search.step(direction, list.current?.topViewIndex() ?? topView)),
    // The answer has come and its first match is about to be made current (the effect above, after this render): its
    // count is "1 of N" from then on, not "N matches" for a frame first.
    starting: search.query.trim() !== '' && search.query !== lastJumped.current && search.answered && search.matches.length > 0,
  };
}
