import type { Context } from 'hono';
import type { ErrorDetails } from '../../lib/error-body.ts';
import { isFinalError } from '../../shared/contract/error-codes.ts';

/** What an upstream's failure said beside its body, which the SDKs and the browser read from the answer's headers. */
export interface UpstreamHints {
  retryAfter?: string | null;
  requestId?: string | null;
}

/** A request that cannot be served, with the status and OpenAI-shaped error to answer. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly details: ErrorDetails;
  readonly headers: Record<string, string> = {};

  constructor(status: number, code: string, message: string, type = 'invalid_request_error', param: string | null = null) {
    super(message);
    this.status = status;
    this.details = { message, type, code, param };
  }

  /** An upstream's failure, with its request id, its Retry-After and the retry hint a page read would carry. */
  static from(status: number, details: ErrorDetails, { retryAfter, requestId }: UpstreamHints = {}): ApiFailure {
    const failure = new ApiFailure(status >= 400 && status <= 599 ? status : 502, details.code ?? 'upstream_error', details.message, details.type ?? 'upstream_error', details.param ?? null);
    if (requestId) failure.headers['x-request-id'] = requestId;
    if (retryAfter) failure.headers['retry-after'] = retryAfter;
    if (isFinalError(details.code)) failure.headers['x-should-retry'] = 'false';
    else if (failure.status === 429) failure.headers['x-should-retry'] = 'true';
    return failure;
  }

  respond(c: Context): Response {
    return c.json({ error: { ...this.details, param: this.details.param ?? null } }, this.status as 400, this.headers);
  }
}
