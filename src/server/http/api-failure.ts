import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { UpstreamFailure } from '../upstream/get-from-upstream.ts';
import { openAiErrorBody } from './json-error.ts';
import { upstreamErrorAnswer, type ErrorAnswer } from './upstream-error-answer.ts';

/** A request that cannot be served, with the status, headers and OpenAI-shaped error to answer. */
export class ApiFailure extends Error {
  readonly answer: ErrorAnswer;

  /** `answer`: the whole answer, where it says more than the error body (an upstream's failure, see `from`). */
  constructor(status: ContentfulStatusCode, code: string | null, message: string, type = 'invalid_request_error', param: string | null = null, answer?: ErrorAnswer) {
    super(message);
    this.answer = answer ?? { status, headers: {}, body: openAiErrorBody(message, code, type, param) };
  }

  /** An upstream's failure, answered as the page routes answer it. */
  static from(failure: UpstreamFailure): ApiFailure {
    const answer = upstreamErrorAnswer(failure);
    const { code, message, type, param } = answer.body.error;
    return new ApiFailure(answer.status, code, message, type, param, answer);
  }

  respond(c: Context): Response {
    return c.json(this.answer.body, this.answer.status, this.answer.headers);
  }
}
