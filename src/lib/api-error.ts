import { readErrorJson } from './error-body';

/** The one error type for failed API calls: what the server said, with the HTTP status that carried it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly retryAfterSeconds: number | null;
  /** The provider's request id, which its support asks for. */
  readonly requestId: string | null;

  constructor(
    message: string,
    options: { status: number; code?: string | null; retryAfterSeconds?: number | null; requestId?: string | null },
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.requestId = options.requestId ?? null;
  }
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  // Whole seconds as HTTP has them, or a fraction as some providers send (`1.5`), waited for in full.
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value.trim()));
  // Real HTTP dates name a weekday and a month; Date.parse would also take values like "1.5".
  if (!/[a-z]/i.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** `retry-after-ms`, the OpenAI SDKs' header, in whole seconds; null when missing or unreadable. */
export function parseRetryAfterMs(value: string | null): number | null {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return null;
  return Math.ceil(Number(value.trim()) / 1000);
}

/** The viewer's own server did not answer at all (a request that failed before any response). */
export function serverUnreachable(): ApiError {
  return new ApiError('The viewer server could not be reached. Check that it is still running.', { status: 0, code: 'network_error' });
}

/** A page instead of the API's error (a proxy in front of the viewer answered): its describer loads only when one comes. */
async function describePage(response: Response, text: string): Promise<string> {
  try {
    return (await import('./error-page')).describeErrorPage(response.status, response.statusText, text);
  } catch {
    return `HTTP ${response.status} ${response.statusText}`.trimEnd();
  }
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const details = readErrorJson(text) ?? { message: await describePage(response, text), code: null };
  return new ApiError(details.message, {
    status: response.status,
    code: details.code,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')) ?? parseRetryAfterMs(response.headers.get('retry-after-ms')),
    requestId: response.headers.get('x-request-id'),
  });
}
