import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';

const MAX_RETRIES = 3;
const MAX_RETRY_AFTER_SECONDS = 60;
/** 502s that describe the upstream's answer itself: asking again gets the same answer. */
const PERMANENT_CODES = new Set(['upstream_malformed', 'upstream_not_json', 'upstream_too_large', 'insufficient_quota', 'upstream_paging_loop']);

/** Retry what may pass on a second try (429, 5xx, network); a 4xx will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  if (error.code && PERMANENT_CODES.has(error.code)) return false;
  if (error.status === 429) return (error.retryAfterSeconds ?? 0) <= MAX_RETRY_AFTER_SECONDS;
  return error.status === 0 || error.status >= 500;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds !== null) {
    return error.retryAfterSeconds * 1000;
  }
  return Math.min(500 * 2 ** failureCount, 8000);
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 60_000, refetchOnWindowFocus: false },
    },
  });
}
