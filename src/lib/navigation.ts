import { useMemo } from 'react';
import { navigate as browserNavigate, useLocationProperty } from 'wouter/use-browser-location';
import { parseSearch, stringifySearch, type SearchValues } from './search-values';
import { pagePathParam, type IdPagePrefix } from './page-path';

export { parseSearch, stringifySearch, withSearchValues, type SearchValues } from './search-values';

export const transcriptPath = (conversationId: string) => `/c/${encodeURIComponent(conversationId)}`;
export const snapshotPath = (snapshotId: string) => `/s/${encodeURIComponent(snapshotId)}`;

export interface NavigateOptions<S extends object = SearchValues> {
  /** The path; the current one when left out. */
  to?: string;
  /** The new search values, or how to make them from the current ones; none when left out. */
  search?: S | ((previous: S) => S);
  /** The fragment without `#`, or how to make it from the current one; none when left out. */
  hash?: string | ((previous: string) => string);
  /** Rewrites the current history entry instead of adding one. */
  replace?: boolean;
}

const currentHash = () => decodeHash(window.location.hash);
const decodeHash = (hash: string) => hash.replace(/^#/, '');

/**
 * Goes to a page of the app without reloading. With a search function, `parse` reads the current values (a page's
 * own validation), so the function sees what the page sees.
 */
export function navigateTo<S extends object>({ to, search, hash, replace = false }: NavigateOptions<S>, parse: (values: SearchValues) => S = (values) => values as S) {
  const path = to ?? window.location.pathname;
  const values = typeof search === 'function' ? search(parse(parseSearch(window.location.search))) : search;
  const fragment = typeof hash === 'function' ? hash(currentHash()) : hash;
  browserNavigate(`${path}${values ? stringifySearch(values) : ''}${fragment ? `#${fragment}` : ''}`, { replace });
}

/** The fragment of the page's URL, without `#`, kept up to date. */
export function useHash(): string {
  return useLocationProperty(currentHash);
}

const currentSearch = () => window.location.search;
const currentPath = () => window.location.pathname;

/**
 * The page's search values through `parse` (a page's own validation), the same object until the query string
 * changes. Read from the URL as it is: each escape is decoded once.
 */
export function useRouteSearch<S>(parse: (values: SearchValues) => S): S {
  const search = useLocationProperty(currentSearch);
  return useMemo(() => parse(parseSearch(search)), [parse, search]);
}

/**
 * The path segment after `prefix` (`/c/` or `/s/`, in any case, as the router matches it), decoded once; a malformed
 * escape is left as it came. '' on another page.
 */
export function usePathParam(prefix: IdPagePrefix): string {
  const path = useLocationProperty(currentPath);
  return pagePathParam(path, prefix) ?? '';
}
