import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { apiHeaders, INTERNAL_ERROR_MESSAGE, logServerError, type ApiApp } from '../routes/api-routes.ts';
import type { PageAnswer, PageRequest, PageTarget } from '../routes/proxy-routes.ts';
import { isAuthorized, UNAUTHORIZED_BODY, unauthorizedHeaders, type AccessControl } from './access-control.ts';
import { accessLogLine, type LogWriter } from './access-log.ts';
import { chunkEncodingFor, compressedBody, compressedBytes, isCompressibleType, worthCompressing, type CompressionMode } from './compression.ts';
import { openAiErrorBody } from './json-error.ts';
import { newViewerRequestId } from './request-id.ts';

/** The proxy's page routes under /api/sources: a conversation, a page of its items, one item. */
const PAGE_PATH = /^\/api\/sources\/([^/?]+)\/conversations\/([^/?]+)(?:\/(items)(?:\/([^/?]+))?)?$/;

interface PageRoute {
  source: string;
  conversationId: string;
  itemId?: string;
  target: PageTarget;
  search: URLSearchParams;
}

/** A Node request as the page relay reads it. */
function pageRequest(incoming: IncomingMessage, outgoing: ServerResponse, route: PageRoute): PageRequest {
  // A client gone before its answer (a page left, a poll cancelled, an SDK's timeout) ends the upstream read.
  const gone = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) gone.abort();
  });
  return {
    method: incoming.method === 'HEAD' ? 'HEAD' : 'GET',
    source: route.source,
    conversationId: route.conversationId,
    itemId: route.itemId,
    target: route.target,
    query: (name) => route.search.get(name) ?? undefined,
    queries: (name) => route.search.getAll(name),
    header: (name) => {
      const value = incoming.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    outgoing,
    onStall: () => outgoing.destroy(),
    signal: gone.signal,
  };
}

/** Whether a flat header list (name, value, name, value…) names `name`. */
const hasHeader = (head: readonly string[], name: string) => head.some((entry, at) => at % 2 === 0 && entry === name);

/** Takes `name` out of a flat header list. */
function dropHeader(head: string[], name: string): void {
  for (let at = head.length - 2; at >= 0; at -= 2) if (head[at] === name) head.splice(at, 2);
}

type Body = string | Buffer | ReadableStream | null;

/**
 * The body to send, compressed as the rest of the stack would (compression.ts) for a client elsewhere that takes it;
 * the headers that changes are changed in `head`.
 */
async function encodedBody(answer: PageAnswer, incoming: IncomingMessage, head: string[], mode: CompressionMode): Promise<Body> {
  let body: Body = answer.body;
  if (isCompressibleType(answer.headers['content-type']) && answer.headers['content-encoding'] === undefined) {
    head.push('vary', 'accept-encoding');
    const length = typeof body === 'string' ? Buffer.byteLength(body) : Number(answer.headers['content-length'] ?? Number.NaN);
    // A HEAD (answered from the last GET's head, without a body) says the encoding the GET would come in, and no length.
    const encoding = (body !== null || incoming.method === 'HEAD') && worthCompressing(length) ? chunkEncodingFor(incoming.headers['accept-encoding'], incoming.socket.remoteAddress, mode) : null;
    if (encoding) {
      if (body !== null) body = typeof body === 'string' ? await compressedBytes(body, encoding) : compressedBody(body as ReadableStream<Uint8Array>, encoding);
      dropHeader(head, 'content-length');
      head.push('content-encoding', encoding);
    }
  }
  return body;
}

/** Route parameters are decoded as Hono decodes them: a malformed escape stays as it was. */
function decodeParam(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The page route a request's URL names, or null for anything else (which Hono answers). */
export function matchPageRoute(url: string): PageRoute | null {
  const mark = url.indexOf('?');
  const match = PAGE_PATH.exec(mark < 0 ? url : url.slice(0, mark));
  if (!match) return null;
  const [, source, conversationId, items, itemId] = match;
  const search = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
  const target = itemId !== undefined ? 'item' : items ? 'items' : 'conversation';
  return { source: decodeParam(source), conversationId: decodeParam(conversationId), itemId: itemId === undefined ? undefined : decodeParam(itemId), target, search };
}

export interface PageLaneOptions {
  api: ApiApp;
  access: AccessControl | null;
  log?: LogWriter;
  /** The stack's policy headers, set on every answer. */
  policy: Readonly<Record<string, string>>;
  /** When answers are compressed, as the rest of the stack does (compression.ts). */
  compression?: CompressionMode;
  closing: () => boolean;
}

/**
 * The proxy's page reads straight on Node's request and response, around the same relay (`answerPage`) and under the
 * same policy as the rest of the stack: access control, security headers, the API's headers and request ids, the
 * access log line, and a 500 in OpenAI's shape when the relay fails. These are the requests an SDK or the browser
 * makes by the thousand, so they skip building a web Request, Response and Headers each, and Hono's routing.
 */
export function createPageLane({ api, access, log, policy, compression = 'auto', closing }: PageLaneOptions) {
  const policyList = Object.entries(policy).flat();
  async function serve(incoming: IncomingMessage, outgoing: ServerResponse, route: PageRoute): Promise<void> {
    const started = performance.now();
    let answer: PageAnswer;
    let requestId: string;
    let extra: Record<string, string> | null = null;
    if (access && !isAuthorized(access, incoming.headers.authorization)) {
      // Page reads are never open paths: without credentials, the refusal the rest of the stack gives.
      const headers = unauthorizedHeaders(access);
      requestId = headers['x-viewer-request-id'];
      answer = { status: 401, headers, body: UNAUTHORIZED_BODY };
    } else {
      requestId = newViewerRequestId();
      try {
        answer = await api.answerPage(pageRequest(incoming, outgoing, route));
      } catch (error) {
        logServerError(error instanceof Error ? error : new Error(String(error)));
        const body = JSON.stringify(openAiErrorBody(INTERNAL_ERROR_MESSAGE, 'internal_error', 'server_error'));
        answer = { status: 500, headers: { 'content-type': 'application/json' }, body };
      }
      extra = apiHeaders(answer.headers['x-request-id'], requestId);
    }
    // As a flat list, which Node writes without making an object of it. The API's headers and then the policy win.
    const head: string[] = [];
    for (const name in answer.headers) if (!(extra && name in extra) && !(name in policy)) head.push(name, answer.headers[name]);
    if (extra) for (const name in extra) if (!(name in policy)) head.push(name, extra[name]);
    head.push(...policyList);
    // A refusal is the access control's, which answers before compression would.
    const body = extra ? await encodedBody(answer, incoming, head, compression) : answer.body;
    if ((typeof body === 'string' || body instanceof Buffer) && !hasHeader(head, 'content-length')) head.push('content-length', String(Buffer.byteLength(body)));
    if (closing()) head.push('connection', 'close');
    const upstreamRequestId = extra ? extra['x-request-id'] : answer.headers['x-request-id'];
    if (log) {
      log(accessLogLine({ method: incoming.method ?? 'GET', url: incoming.url ?? '/', status: answer.status, durationMs: performance.now() - started, requestId, upstreamRequestId }));
    }
    if (outgoing.destroyed) {
      if (body instanceof ReadableStream) await body.cancel().catch(() => undefined);
      return;
    }
    outgoing.writeHead(answer.status, head);
    if (body === null || incoming.method === 'HEAD') {
      outgoing.end();
      if (body instanceof ReadableStream) await body.cancel().catch(() => undefined);
    } else if (typeof body === 'string' || body instanceof Buffer) {
      outgoing.end(body);
    } else {
      // Pulled only as fast as the client takes it; a client that leaves cancels the stream, which releases its bytes.
      await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), outgoing).catch(() => outgoing.destroy());
    }
  }

  /** Serves the request when it is a page read, and says whether it did. */
  return (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
    if (incoming.method !== 'GET' && incoming.method !== 'HEAD') return false;
    const route = matchPageRoute(incoming.url ?? '');
    if (!route) return false;
    void serve(incoming, outgoing, route);
    return true;
  };
}
