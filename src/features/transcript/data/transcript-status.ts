export type TranscriptStatus =
  | { kind: 'data' }
  | { kind: 'error'; error: unknown }
  | { kind: 'retrying'; error: unknown; attempt: number }
  | { kind: 'skeleton' };

interface StatusInput {
  hasItems: boolean;
  itemsError: unknown;
  conversationError: unknown;
  /** The last failure while React Query retries on its own. */
  failureReason: unknown;
  failureCount: number;
}

/**
 * What the page shows in place of the transcript: data first (a later failure keeps what loaded), then a final
 * error, then the failure being retried (so the reader learns what is wrong at once), and a skeleton otherwise.
 */
export function transcriptStatus({ hasItems, itemsError, conversationError, failureReason, failureCount }: StatusInput): TranscriptStatus {
  if (hasItems) return { kind: 'data' };
  const error = itemsError ?? conversationError;
  if (error) return { kind: 'error', error };
  if (failureReason) return { kind: 'retrying', error: failureReason, attempt: failureCount + 1 };
  return { kind: 'skeleton' };
}
