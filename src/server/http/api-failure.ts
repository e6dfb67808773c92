import type { Context } from 'hono';
import type { ErrorDetails } from '../../lib/error-body.ts';

/** A request that cannot be served, with the status and OpenAI-shaped error to answer. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly details: ErrorDetails;

  constructor(status: number, code: string, message: string, type = 'invalid_request_error', param: string | null = null) {
    super(message);
    this.status = status;
    this.details = { message, type, code, param };
  }

  static from(status: number, details: ErrorDetails): ApiFailure {
    return new ApiFailure(status >= 400 && status <= 599 ? status : 502, details.code ?? 'upstream_error', details.message, details.type ?? 'upstream_error', details.param ?? null);
  }

  respond(c: Context): Response {
    return c.json({ error: { ...this.details, param: this.details.param ?? null } }, this.status as 400);
  }
}
