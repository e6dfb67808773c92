/**
 * The `error.code` values the viewer itself answers with (an upstream's own codes pass through unchanged), and the
 * retry rules that the browser's query client and the server's `x-should-retry` hint both follow.
 */
export const ERROR_CODES = [
  // The request
  'invalid_parameter',
  'invalid_value',
  'invalid_conversation_id',
  'invalid_item_id',
  'invalid_header',
  'invalid_request',
  'unsupported_parameter',
  'request_too_large',
  'method_not_allowed',
  'not_found',
  'unauthorized',
  'rate_limited',
  // Sources
  'unknown_source',
  'source_not_configured',
  // The upstream's answer, or the way to it
  'upstream_error',
  'upstream_unreachable',
  'upstream_timeout',
  'upstream_connection_reset',
  'upstream_truncated',
  'upstream_not_json',
  'upstream_malformed',
  'upstream_too_large',
  'upstream_paging_loop',
  'insufficient_quota',
  // The viewer
  'viewer_busy',
  'internal_error',
  // Snapshots
  'snapshot_not_found',
  'snapshot_revoked',
  'snapshot_expired',
  'snapshot_too_large',
  'snapshot_too_many_items',
  'snapshots_disabled',
  // Seen by the browser alone
  'network_error',
  'malformed_response',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Answers that describe the upstream's answer itself, or an exhausted quota: asking again gets the same answer. */
const FINAL_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'upstream_not_json',
  'upstream_malformed',
  'upstream_too_large',
  'upstream_paging_loop',
  'insufficient_quota',
]);

/** Whether a second try of the same request can only fail the same way, whatever its status says. */
export function isFinalError(code: string | null | undefined): boolean {
  return typeof code === 'string' && FINAL_CODES.has(code);
}

/** What may pass on a second try: a network failure (status 0), a 429 or a 5xx, unless its code says it is final. */
export function mayRetry(status: number, code: string | null | undefined): boolean {
  if (isFinalError(code)) return false;
  return status === 0 || status === 429 || status >= 500;
}
