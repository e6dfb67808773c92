import { createContext, useContext } from 'react';

/** The transcript's current search, lowercased, for content that hides text until asked (long texts). */
export const SearchQueryContext = createContext('');

export const useSearchNeedle = () => useContext(SearchQueryContext);
