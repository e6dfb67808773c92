import { useCallback } from 'react';
import type { TranscriptView } from '../features/transcript/components/transcript-page';
import { navigateTo } from '../lib/navigation';
import { formatHiddenKinds, parseHiddenKinds, parseTranscriptSearch, type TranscriptSearch } from './search-params';

/** The view a transcript URL asks for: order, search text, hidden kinds and the one tool shown. */
export function viewFromSearch(search: TranscriptSearch): TranscriptView {
  return { order: search.order ?? 'asc', query: search.q ?? '', hidden: parseHiddenKinds(search.hide), tool: search.tool ?? null, failures: search.failures === 'only' };
}

/** Writes a change of view into the URL's search parameters, keeping the others. */
export function searchWithView(change: Partial<TranscriptView>) {
  return <S extends TranscriptSearch>(previous: S): S => ({
    ...previous,
    ...(change.order ? { order: change.order } : {}),
    ...(change.query !== undefined ? { q: change.query || undefined } : {}),
    ...(change.hidden ? { hide: formatHiddenKinds(change.hidden) } : {}),
    ...(change.tool !== undefined ? { tool: change.tool ?? undefined } : {}),
    ...(change.failures !== undefined ? { failures: change.failures ? ('only' as const) : undefined } : {}),
  });
}

/** Order, search and filter are views of the loaded items: a change rewrites the URL in place, never reloads. */
export function useViewChange() {
  return useCallback(
    (change: Partial<TranscriptView>) =>
      // Each keystroke of a search is not a page to go back to; an order or filter switch is. The reader's place is the
      // list's business (a search brings its match into view): the path stays, so nothing scrolls to the top.
      navigateTo({ search: searchWithView(change), hash: (previous) => previous, replace: change.query !== undefined }, parseTranscriptSearch),
    [],
  );
}
