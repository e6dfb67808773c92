import { useEffect } from 'react';
import { ApiError } from './api-error';
import type * as Describer from './describe-api-error';
import type { ErrorDescription } from './describe-api-error';
import { lazyChunk, useChunk } from './lazy-chunk';

/** How a failure is said, from the describer's functions: `describeApiError` with a context, then reworded as needed. */
export type Describe = (describer: typeof Describer, error: unknown) => ErrorDescription;

/**
 * Failures are the rare path: the describer and its many messages load with the first failure a page shows, not with
 * every page (1.7 kB of the home page's first load, gzip). A failure is often the viewer's server gone, when the
 * describer cannot be fetched either: unlike other chunks, it is asked for again with the next failure to describe.
 */
const describer = lazyChunk(() => import('./describe-api-error'));

const plainly: Describe = (module, error) => module.describeApiError(error);

/** How long an idle moment is waited for before the describer is fetched anyway. */
const IDLE_WAIT_MS = 5_000;

/**
 * Fetches the describer once `ready` (a transcript loaded) and the page is idle. A tab kept open is where failures
 * come later: its server restarting, or updated so that this tab's chunks are gone. Fetched before, the describer still
 * says each failure in full then.
 */
export function useDescriberWhenIdle(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => describer.preload(), { timeout: IDLE_WAIT_MS });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => describer.preload(), IDLE_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready]);
}

/** What a failure says when the describer's code cannot be fetched (the page went offline, a deployment replaced it). */
export function undescribed(error: unknown): ErrorDescription {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.status === 0) {
    return { title: 'The viewer server could not be reached', hint: 'Check that it is still running, then retry.', detail };
  }
  return { title: 'Something went wrong', hint: 'Retry, or reload the page to see what went wrong and what to do about it.', detail };
}

/** The description of `error` (none for no error), once the describer has come: null for the moment it takes. */
export function useErrorDescription(error: unknown, describe: Describe = plainly): ErrorDescription | null {
  const chunk = useChunk(describer, false);
  // Asked for once per failure to describe: a describer that could not be fetched is tried again with the next one.
  useEffect(() => {
    if (error != null) describer.retry();
  }, [error]);
  if (error == null || chunk.status === 'pending') return null;
  return chunk.status === 'failed' ? undescribed(error) : describe(chunk.value, error);
}

/** The description of `error` for code outside React (an announcement), the describer fetched if need be. */
export async function describeError(error: unknown, describe: Describe = plainly): Promise<ErrorDescription> {
  try {
    return describe(await import('./describe-api-error'), error);
  } catch {
    return undescribed(error);
  }
}
