import { useEffect, useState } from 'react';

interface PagedQuery {
  hasNextPage: boolean;
  isFetching: boolean;
  isError: boolean;
  fetchNextPage: () => unknown;
}

/**
 * Keeps fetching pages one after another until the last one, unless the reader stops it or a page fails.
 * The first page renders as soon as it arrives; the rest stream in behind it.
 */
export function useProgressivePages(query: PagedQuery) {
  const [paused, setPaused] = useState(false);
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;

  useEffect(() => {
    if (hasNextPage && !isFetching && !isError && !paused) void fetchNextPage();
  }, [hasNextPage, isFetching, isError, paused, fetchNextPage]);

  return {
    paused,
    pause: () => setPaused(true),
    resume: () => {
      setPaused(false);
      if (isError) void fetchNextPage();
    },
  };
}
