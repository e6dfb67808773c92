import { useEffect, useRef, type RefObject } from 'react';
import { TranscriptIndex } from '../data/transcript-index';
import type { ItemUiStore } from '../list/item-ui-store';
import type { TranscriptListHandle } from '../list/transcript-list';
import type { ViewRows } from '../list/view-rows';
import type { TranscriptSearch } from './use-transcript-search';

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
}

/** How long typing pauses before the search goes into the URL. */
const URL_DELAY_MS = 400;

/**
 * Moves the reader to matches: typing makes the first match at or below the reader's place current and brings it
 * into view, as a browser's find does; stepping opens a folded item. The query goes into the URL once typing
 * pauses, so a link shares the filtered view.
 */
export function useSearchSteering({ query, urlQuery, onUrlQuery, search, index, rows, store, list, topView }: SearchSteering) {
  useEffect(() => {
    if (query === urlQuery) return;
    const timer = setTimeout(() => onUrlQuery(query), URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, urlQuery, onUrlQuery]);

  const lastJumped = useRef('');
  useEffect(() => {
    if (!search.query.trim() || search.query === lastJumped.current || search.matches.length === 0) return;
    lastJumped.current = search.query;
    // Where the reader is now, asked of the list: the top row kept in state follows a scroll a frame later.
    const target = search.start(list.current?.topViewIndex() ?? topView);
    if (target !== null) list.current?.scrollToView(target, { align: 'center' });
    // `search.start` is new each render; this runs when the query's matches arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.query, search.matches, topView]);

  return (direction: 1 | -1) => {
    const target = search.step(direction, list.current?.topViewIndex() ?? topView);
    if (target === null) return;
    store.setCollapsed(TranscriptIndex.keyOf(index.slotAt(rows.rowAt(target))), false);
    list.current?.scrollToView(target, { align: 'center' });
  };
}
