import { describeErrorPage } from './error-page';

export interface ErrorDetails {
  message: string;
  type: string | null;
  code: string | null;
  param?: string | null;
  /** A request id the body carries at its top level (DashScope's `request_id`). */
  requestId?: string | null;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * Reads an error body in any of the shapes the providers use: OpenAI's `{error: {message, type, code}}`,
 * DashScope's native `{code, message, request_id}`, a bare `{message}`, or a non-JSON page
 * (gateways answer with HTML), in which case the status line and the page's text stand in.
 */
export function parseErrorBody(status: number, statusText: string, bodyText: string): ErrorDetails {
  return readErrorJson(bodyText) ?? { message: describeErrorPage(status, statusText, bodyText), type: null, code: null };
}

/** The error a body holds in one of the API's JSON shapes, or null when it holds none (a gateway's page). */
export function readErrorJson(bodyText: string): ErrorDetails | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  const requestId = asText(record.request_id);
  const details = detailsOf(record);
  return details && requestId ? { ...details, requestId } : details;
}

function detailsOf(record: Record<string, unknown>): ErrorDetails | null {
  const nested = record.error;
  if (nested && typeof nested === 'object') {
    const error = nested as Record<string, unknown>;
    const message = asText(error.message);
    if (message) {
      return {
        message,
        type: asText(error.type),
        code: asText(error.code),
        param: asText(error.param),
      };
    }
  }
  if (typeof nested === 'string' && nested.trim() !== '') {
    return { message: nested, type: null, code: asText(record.code) };
  }
  const message = asText(record.message);
  if (message) return { message, type: asText(record.type), code: asText(record.code) };
  return null;
}

/**
 * Whether an error's message is that of a body that was not the API's error, as `describeErrorPage` (error-page.ts) writes it (the status
 * line, then the body's text after a colon or in brackets): a gateway's, a proxy's or a web server's page answered
 * instead of the API.
 */
export function isRawBodyMessage(message: string): boolean {
  return /^HTTP \d{3}\b[^:(]*(?:: \S| \(\S)/.test(message);
}
