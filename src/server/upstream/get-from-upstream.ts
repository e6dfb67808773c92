import { parseErrorBody, type ErrorDetails } from '../../lib/error-body.ts';
import { withBaseUrlFallback } from './base-url-fallback.ts';
import { deadline, lightDeadline, type Abortable } from '../http/deadline.ts';
import { nodeFetch, type UpstreamAnswer, type UpstreamFetch } from './node-fetch.ts';
import { readCapped, type Reserve } from './read-capped.ts';
import { createRedactor, type Redactor } from './redact.ts';
import { safeRequestId } from '../http/request-id.ts';
import type { Source } from '../sources/sources.ts';

export interface UpstreamFailure {
  ok: false;
  status: number;
  error: ErrorDetails;
  requestId: string | null;
  retryAfter: string | null;
  retryHints?: RetryHints;
  /** The request id an error body carried (DashScope's `request_id`), kept for the answer's body too. */
  bodyRequestId?: string;
}

export type UpstreamResult =
  | {
      ok: true;
      body: unknown;
      /** The JSON text `body` was parsed from, or null where the parsed value was changed after parsing. */
      text: string | null;
      requestId: string | null;
    }
  | UpstreamFailure;

/** The upstream's own word on retrying, passed on as it came: the SDKs read both. */
export interface RetryHints {
  'x-should-retry'?: string;
  'retry-after-ms'?: string;
}

export interface UpstreamOptions {
  timeoutMs: number;
  maxBytes: number;
  /** The transport; `nodeFetch` unless a test stands in for the network. */
  fetch?: UpstreamFetch;
}

/** A JSON escape that can spell a key's characters (\u0073, \/): one scan finds either. */
const JSON_ESCAPE = /\\[u/]/;

/** Socket-level codes meaning the upstream was reached but dropped the connection. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function causeOf(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

function describeCause(error: unknown): string {
  const cause = causeOf(error);
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}

function isTimeout(error: unknown): boolean {
  const cause = causeOf(error);
  return [error, cause].some((e) => e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'));
}

// Only header values of a plain, bounded form reach the browser.
const RETRY_AFTER = /^(\d{1,7}(\.\d{1,3})?|[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;
const RETRY_AFTER_MS = /^\d{1,9}(\.\d{1,3})?$/;
const SHOULD_RETRY = /^(true|false)$/;

function retryHintsOf(response: UpstreamAnswer): RetryHints | undefined {
  const shouldRetry = safeHeader(response, 'x-should-retry', SHOULD_RETRY);
  const afterMs = safeHeader(response, 'retry-after-ms', RETRY_AFTER_MS);
  if (!shouldRetry && !afterMs) return undefined;
  return { ...(shouldRetry ? { 'x-should-retry': shouldRetry } : {}), ...(afterMs ? { 'retry-after-ms': afterMs } : {}) };
}

function safeHeader(response: UpstreamAnswer, name: string, pattern: RegExp): string | null {
  const value = response.headers.get(name)?.trim();
  return value && pattern.test(value) ? value : null;
}

const redactors = new WeakMap<Source, Redactor>();

/** Some providers quote the key back ("Incorrect API key provided: sk-..."), in errors and elsewhere. */
function redactorFor(source: Source): Redactor {
  let redactor = redactors.get(source);
  if (!redactor) redactors.set(source, (redactor = createRedactor([source.apiKey])));
  return redactor;
}

function redact(text: string, source: Source): string {
  return redactorFor(source).text(text);
}

function failure(status: number, code: string, message: string, requestId: string | null = null): UpstreamResult {
  return { ok: false, status, error: { message, type: 'upstream_error', code }, requestId, retryAfter: null };
}

/** The answers in flight already hold UPSTREAM_MAX_BYTES_IN_FLIGHT, and none gave room back in time. */
export function busy(): UpstreamFailure {
  return {
    ok: false,
    status: 503,
    error: { message: 'The viewer is busy with other answers (UPSTREAM_MAX_BYTES_IN_FLIGHT). Retry in a moment.', type: 'server_error', code: 'viewer_busy' },
    requestId: null,
    retryAfter: '1',
  };
}

function transportFailure(error: unknown, source: Source, options: UpstreamOptions, midAnswer: boolean, requestId: string | null) {
  const cause = describeCause(error);
  if (isTimeout(error)) {
    const seconds = options.timeoutMs / 1000;
    return failure(504, 'upstream_timeout', `${source.label} did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`, requestId);
  }
  if (midAnswer || RESET_CODES.has(cause)) {
    const when = midAnswer ? 'in the middle of its answer' : 'before answering';
    return failure(502, 'upstream_connection_reset', `${source.label} closed the connection ${when} (${cause}).`, requestId);
  }
  return failure(502, 'upstream_unreachable', `Could not reach ${source.label} (${cause}).`, requestId);
}

function unparsable(text: string, response: UpstreamAnswer, source: Source, requestId: string | null, parseError: unknown) {
  const contentType = response.headers.get('content-type') ?? 'no content type';
  const start = text.trimStart();
  const message = parseError instanceof Error ? parseError.message : '';
  if (/json/i.test(contentType) || start.startsWith('{') || start.startsWith('[')) {
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const cut = /end of JSON input|Unterminated/i.test(message) || position >= text.trimEnd().length;
    return cut
      ? failure(502, 'upstream_truncated', `${source.label}'s answer was cut off: its JSON ends after ${text.length} characters.`, requestId)
      : failure(502, 'upstream_not_json', `${source.label} answered with invalid JSON (${message.slice(0, 120)}).`, requestId);
  }
  const what = /html/i.test(contentType) || /^<(!doctype|html)/i.test(start) ? 'an HTML page' : `${contentType}`;
  const detail = parseErrorBody(response.status, response.statusText, text).message;
  return failure(502, 'upstream_not_json', `${source.label} answered with ${what} instead of JSON. ${detail}`, requestId);
}

/** OpenAI's error types by status, for upstream errors that name none (DashScope's native shape, gateway pages). */
export function errorTypeFor(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

/** Every string of an error is cleaned of the key, whichever field an upstream or a socket error put it in. */
function redactError(result: UpstreamResult, source: Source): UpstreamResult {
  if (result.ok) return result;
  const clean = (value: string | null | undefined) => (typeof value === 'string' ? redact(value, source) : value);
  const { message, type, code, param } = result.error;
  return { ...result, error: { message: redact(message, source), type: clean(type) ?? errorTypeFor(result.status), code: clean(code) ?? null, param: clean(param) } };
}

/**
 * One GET to a source's upstream. Always resolves: failures come back normalised to OpenAI's error shape
 * with the status the browser should see (the upstream's own, or 502/504 for what went wrong on the way).
 */
export interface UpstreamCall {
  /** Bounds the bytes this answer may hold while it is read. */
  reserve?: Reserve;
  /** Ends a request nobody waits for any more (a reader who left mid-stream). */
  signal?: AbortSignal;
  /** The OpenAI organization and project a client asked for, in place of the source's own. */
  account?: { organization?: string; project?: string };
}

export async function getFromUpstream(source: Source, path: string, options: UpstreamOptions, call: UpstreamCall = {}): Promise<UpstreamResult> {
  const result = await withBaseUrlFallback(source, (baseUrl) => fetchFromUpstream(source, `${baseUrl}${path}`, options, call));
  return redactError(result, source);
}

function authHeaders(source: Source): Record<string, string> {
  const name = source.authHeader ?? 'authorization';
  return { [name]: name === 'authorization' ? `Bearer ${source.apiKey}` : source.apiKey };
}

/** The source's own organization and project, unless the call names others (a client's headers). */
function accountHeaders(source: Source, call: UpstreamCall): Record<string, string> {
  const organization = call.account?.organization ?? source.organization;
  const project = call.account?.project ?? source.project;
  return { ...(organization ? { 'openai-organization': organization } : {}), ...(project ? { 'openai-project': project } : {}) };
}

async function fetchFromUpstream(source: Source, url: string, options: UpstreamOptions, call: UpstreamCall): Promise<UpstreamResult> {
  // The limit covers the whole answer, headers and body, and ends with it.
  // The server's own GET needs less of a signal than fetch does, and this runs once per proxied request.
  const limit = options.fetch ? deadline(options.timeoutMs, call.signal) : lightDeadline(options.timeoutMs, call.signal);
  try {
    return await fetchWithin(source, url, options, call, limit.signal);
  } finally {
    limit.clear();
  }
}

async function fetchWithin(source: Source, url: string, options: UpstreamOptions, call: UpstreamCall, signal: Abortable): Promise<UpstreamResult> {
  const { reserve } = call;
  let response: UpstreamAnswer;
  try {
    const headers = { ...accountHeaders(source, call), ...authHeaders(source), accept: 'application/json' };
    response = await (options.fetch ? options.fetch(url, { headers, redirect: 'error', signal: signal as AbortSignal }) : nodeFetch(url, { headers, signal }));
  } catch (error) {
    return transportFailure(error, source, options, false, null);
  }

  const requestId = safeRequestId(response.headers.get('x-request-id'), source.apiKey, redactorFor(source));
  let body: Awaited<ReturnType<typeof readCapped>>;
  try {
    body = await readCapped(response, options.maxBytes, reserve);
  } catch (error) {
    return transportFailure(error, source, options, true, requestId);
  }
  if (!body.ok && body.reason === 'busy') {
    return { ...busy(), requestId };
  }
  if (!body.ok) {
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    return failure(
      502,
      'upstream_too_large',
      `${source.label} answered with more than ${mib(options.maxBytes)}, the most this viewer accepts (UPSTREAM_MAX_BYTES).`,
      requestId,
    );
  }

  // Before anything is parsed or cut short, so that no part of a key survives in a snippet.
  const text = redact(body.text, source);
  if (!response.ok) {
    const { requestId: inBody, ...error } = parseErrorBody(response.status, response.statusText, text);
    // DashScope puts its request id in the error body; it stands in when no header carries one.
    const bodyRequestId = safeRequestId(inBody, source.apiKey, redactorFor(source));
    const retryHints = retryHintsOf(response);
    return {
      ok: false,
      status: response.status,
      error,
      requestId: requestId ?? bodyRequestId,
      retryAfter: safeHeader(response, 'retry-after', RETRY_AFTER),
      ...(retryHints ? { retryHints } : {}),
      ...(bodyRequestId ? { bodyRequestId } : {}),
    };
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return unparsable(text, response, source, requestId, error);
  }
  // JSON escapes (\u0073k-…, \/ in base64) hide a key from the text search; the parsed strings show it.
  if (JSON_ESCAPE.test(text)) {
    redactorFor(source).value(parsed);
    return { ok: true, body: parsed, text: null, requestId };
  }
  return { ok: true, body: parsed, text, requestId };
}
