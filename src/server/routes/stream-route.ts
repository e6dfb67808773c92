import type { Context } from 'hono';
import { ITEM_ID_PATTERN } from '../../lib/ids.ts';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { ITEM_STREAM_TYPE } from '../../shared/contract/api-paths.ts';
import { connectionCloser, heldStream } from '../http/held-stream.ts';
import { jsonError } from '../http/json-error.ts';
import { upstreamErrorAnswer } from '../http/upstream-error-answer.ts';
import type { Source } from '../sources/sources.ts';
import type { UpstreamFailure } from '../upstream/get-from-upstream.ts';
import { loadConversation, type FetchPage, type LoaderEvent, type PageRequest } from '../upstream/load-conversation.ts';
import { sourcePageFetcher } from '../upstream/source-reader.ts';
import type { UpstreamReader } from '../upstream/upstream-read.ts';
import { withRetries } from '../upstream/with-retries.ts';

/** About as much as a chunk of the answer holds before it is written; a page is never split. */
const BATCH_CHARS = 128 * 1024;

function cursorParam(c: Context, name: string): string | null | { invalid: string } {
  const value = c.req.query(name);
  if (value === undefined || value === '') return null;
  return ITEM_ID_PATTERN.test(value) ? value : { invalid: value };
}

/** A whole page goes on in the upstream's own text (checked and redacted), which costs far less than writing it anew. */
function itemsLine(event: Extract<LoaderEvent, { type: 'items' }>): string {
  const text = event.itemsText?.();
  return text ? `{"type":"items","end":"${event.end}","items":${text}}` : stringifyJson(event);
}

/**
 * A failure after the stream began: its last line, with what the answer's status and headers would have said, each
 * header a field of its own (Retry-After as `retry_after`, and so on).
 */
function errorLine(failure: UpstreamFailure): string {
  const { status, headers, body } = upstreamErrorAnswer(failure);
  return stringifyJson({
    type: 'error',
    status,
    error: body.error,
    retry_after: headers['retry-after'],
    retry_after_ms: headers['retry-after-ms'],
    should_retry: headers['x-should-retry'],
    request_id: headers['x-request-id'],
  });
}

/** The stream's cursors: where each end resumes, as the client named them. */
const CURSOR_PARAMS = { asc: 'head_after', desc: 'tail_after' } as const;

/**
 * An upstream that refuses the cursor a client sent names it `after`, its own parameter; the client sent it as
 * `head_after` or `tail_after`, so the error names that. A cursor the stream took from a page is left as it is.
 */
function namingClientCursors(fetchPage: FetchPage, sent: Record<PageRequest['order'], string | null>): FetchPage {
  return async (request, signal) => {
    const result = await fetchPage(request, signal);
    if (result.ok || request.after === null || request.after !== sent[request.order] || result.error.param !== 'after') return result;
    const name = CURSOR_PARAMS[request.order];
    return { ...result, error: { ...result.error, param: name, message: result.error.message.replaceAll("'after'", `'${name}'`) } };
  };
}

function lineOf(event: LoaderEvent): string {
  if (event.type === 'items') return itemsLine(event);
  return event.type === 'error' ? errorLine(event.failure) : stringifyJson(event);
}

/**
 * GET …/conversations/<id>/stream: the whole conversation as NDJSON, one line per upstream page, from both ends at
 * once. A failure before anything arrived is an ordinary JSON error with its status; a later one is the last line.
 */
export async function streamConversation(c: Context, source: Source, conversationId: string, reader: UpstreamReader) {
  const cursors: Record<PageRequest['order'], string | null> = { asc: null, desc: null };
  for (const order of ['asc', 'desc'] as const) {
    const name = CURSOR_PARAMS[order];
    const value = cursorParam(c, name);
    if (value !== null && typeof value === 'object') {
      return jsonError(c, 400, `Invalid '${name}': '${value.invalid.slice(0, 40)}' is not an item ID.`, 'invalid_parameter', 'invalid_request_error', name);
    }
    cursors[order] = value;
  }

  const controller = new AbortController();
  c.req.raw.signal.addEventListener('abort', () => controller.abort(), { once: true });
  const fetchPage = namingClientCursors(withRetries(sourcePageFetcher(source, conversationId, reader)), cursors);
  const events = loadConversation(fetchPage, { headAfter: cursors.asc, tailAfter: cursors.desc, signal: controller.signal });

  const first = await events.next();
  if (!first.done && first.value.type === 'error') {
    const { status, headers, body } = upstreamErrorAnswer(first.value.failure);
    return c.json(body, status, headers);
  }

  const encoder = new TextEncoder();
  let pending: Promise<IteratorResult<LoaderEvent>> | null = first.done ? null : Promise.resolve(first);
  let ended = false;
  const nextEvent = () => {
    const event = pending ?? events.next();
    pending = null;
    return event;
  };
  /** The next event if it is there before the loop turns, else undefined; an event still on its way is kept for later. */
  const waitingEvent = async () => {
    const event = nextEvent();
    const turn = new Promise<null>((resolve) => setImmediate(resolve, null));
    const result = await Promise.race([event, turn]);
    if (result === null) pending = event;
    return result?.value;
  };
  // Each chunk's bytes count against the budget until the client has taken them; a client that stops reading is dropped.
  const lease = reader.budget.lease();
  const next = async () => {
    if (ended) return null;
    const lines: string[] = [];
    let length = 0;
    // Pages that wait go out together: fewer, larger writes cost the server (and the client) less.
    for (let event = (await nextEvent()).value; event; event = await waitingEvent()) {
      if (event.type !== 'items') ended = true;
      const line = `${lineOf(event)}\n`;
      lines.push(line);
      length += line.length;
      if (ended || length >= BATCH_CHARS) break;
    }
    if (lines.length === 0) return null;
    const chunk = encoder.encode(lines.join(''));
    lease.resize(chunk.byteLength);
    return chunk;
  };
  const body = heldStream(next, {
    lease,
    stallMs: reader.timeoutMs,
    onStall: connectionCloser(c),
    onCancel: async () => {
      controller.abort();
      await events.return(undefined);
    },
  });
  return c.body(body, 200, { 'content-type': `${ITEM_STREAM_TYPE}; charset=utf-8` });
}
