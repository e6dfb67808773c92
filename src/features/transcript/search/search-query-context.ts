import { createContext, useContext } from 'react';

/** The transcript's current search, lowercased, for content that hides text until asked (long texts). */
export const SearchQueryContext = createContext('');

export const useSearchNeedle = () => useContext(SearchQueryContext);

/** True inside the row of the current search match, whose folded parts open to show it. */
export const CurrentMatchContext = createContext(false);

/** The search, lowercased, inside the row of the current match; elsewhere empty. */
export function useCurrentMatchNeedle(): string {
  const needle = useSearchNeedle();
  return useContext(CurrentMatchContext) ? needle : '';
}
