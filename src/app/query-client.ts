import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';
import { mayRetry } from '../shared/contract/error-codes';

const MAX_RETRIES = 3;
const MAX_RETRY_AFTER_SECONDS = 60;

/** Retry what may pass on a second try (the contract's rule: 429, 5xx, network); a 4xx will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError) || !mayRetry(error.status, error.code)) return false;
  return error.status !== 429 || (error.retryAfterSeconds ?? 0) <= MAX_RETRY_AFTER_SECONDS;
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
