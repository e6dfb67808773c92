import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isFinalError } from '../../shared/contract/error-codes.ts';
import { errorTypeFor, type UpstreamFailure } from '../upstream/get-from-upstream.ts';

/** OpenAI's error body, with DashScope's body request id beside it where the upstream's body carried one. */
export interface ErrorAnswerBody {
  error: { message: string; type: string; code: string | null; param: string | null };
  request_id?: string;
}

export interface ErrorAnswer {
  status: ContentfulStatusCode;
  headers: Record<string, string>;
  body: ErrorAnswerBody;
}

/** The viewer's own verdict first (the SDKs must not spend their retries on a final answer), then the upstream's. */
function retryHint(status: number, code: string | null, upstream: string | undefined): string | null {
  if (isFinalError(code)) return 'false';
  return upstream ?? (status === 429 ? 'true' : null);
}

/**
 * An upstream's failure as every route passes it on (a page, the item stream, an export, a snapshot): its status, or
 * 502 for one that is not an error; its request id, Retry-After and Retry-After-Ms; a retry hint; and its error in
 * OpenAI's shape as it came (a null code stays null), the type named by the status where the upstream named none.
 */
export function upstreamErrorAnswer(failure: UpstreamFailure): ErrorAnswer {
  const headers: Record<string, string> = {};
  // The header both official SDKs read into `requestID` / `request_id`.
  if (failure.requestId) headers['x-request-id'] = failure.requestId;
  if (failure.retryAfter) headers['retry-after'] = failure.retryAfter;
  const afterMs = failure.retryHints?.['retry-after-ms'];
  if (afterMs) headers['retry-after-ms'] = afterMs;
  const again = retryHint(failure.status, failure.error.code, failure.retryHints?.['x-should-retry']);
  if (again) headers['x-should-retry'] = again;
  const status = (failure.status >= 400 && failure.status <= 599 ? failure.status : 502) as ContentfulStatusCode;
  const { message, code, param, type } = failure.error;
  const error = { message, type: type ?? errorTypeFor(status), code, param: param ?? null };
  // DashScope's body request id stays where its support looks for it, as well as in the header.
  return { status, headers, body: failure.bodyRequestId ? { error, request_id: failure.bodyRequestId } : { error } };
}
