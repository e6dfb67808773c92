import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../shared/contract/error-codes.ts';

/** Every error this server answers with has OpenAI's shape, so the SDK and the browser read it alike. */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  code: ErrorCode | null,
  type = 'invalid_request_error',
  param: string | null = null,
) {
  return openAiError(c, status, message, code, type, param);
}

/** The method to name in an answer: HEAD is answered as GET would be, to the byte of its length. */
export const methodAnswered = (c: Context) => (c.req.method === 'HEAD' ? 'GET' : c.req.method);

/** A method a path does not take: 405 naming those it does (`Allow`), as HTTP asks, rather than a 404 for a path that is there. */
export function methodNotAllowed(c: Context, allow: string) {
  c.header('allow', allow);
  return jsonError(c, 405, `${methodAnswered(c)} is not allowed here: this path takes ${allow}.`, 'method_not_allowed');
}

/** OpenAI's error body, for answers made without Hono's context (the page relay, the page lane). */
export function openAiErrorBody(message: string, code: string | null, type = 'invalid_request_error', param: string | null = null) {
  return { error: { message, type, code, param } };
}

/** The same shape with any code: what an OpenAI-compatible upstream (the demo emulator) answers. */
export function openAiError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  code: string | null,
  type = 'invalid_request_error',
  param: string | null = null,
) {
  return c.json(openAiErrorBody(message, code, type, param), status);
}
