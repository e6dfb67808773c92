import type { Context } from 'hono';
import { ITEM_ID_PATTERN } from '../../lib/ids.ts';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import type { createByteBudget } from '../upstream/byte-budget.ts';
import type { createGate } from '../upstream/gate.ts';
import { deadline } from '../http/deadline.ts';
import { connectionCloser, heldStream } from '../http/held-stream.ts';
import { jsonError } from '../http/json-error.ts';
import { checkShape } from '../upstream/shape-check.ts';
import type { Source } from '../sources/sources.ts';
import { getFromUpstream, type UpstreamOptions } from '../upstream/get-from-upstream.ts';
import { withRetries } from '../upstream/with-retries.ts';
import { loadConversation, type FetchPage, type LoaderItem, type PageResult } from '../upstream/load-conversation.ts';

export const STREAM_PAGE_SIZE = 100;

interface StreamOptions extends UpstreamOptions {
  gate: ReturnType<typeof createGate>;
  budget: ReturnType<typeof createByteBudget>;
}

/** One upstream page through every safeguard of the per-page proxy: the gate, timeout, size cap, shape check, redaction. */
export function sourcePageFetcher(source: Source, conversationId: string, options: StreamOptions): FetchPage {
  return async ({ order, after }, signal): Promise<PageResult> => {
    const waitLimit = deadline(options.timeoutMs, signal);
    if (!(await options.gate.enter(waitLimit.signal))) {
      waitLimit.clear();
      return { ok: false, status: 503, error: { message: 'The viewer is busy with other upstream requests. Retry in a moment.', type: 'server_error', code: 'viewer_busy', param: null } };
    }
    // The page's bytes count against the budget while it is read and parsed; the loader then holds at most one
    // parsed page per end, and the stream's backpressure holds the rest upstream.
    const lease = options.budget.lease();
    try {
      const query = new URLSearchParams({ limit: String(STREAM_PAGE_SIZE), order });
      if (after) query.set('after', after);
      const result = await getFromUpstream(source, `/conversations/${conversationId}/items?${query}`, options, { signal, reserve: (bytes) => lease.grow(bytes, waitLimit.signal) });
      if (!result.ok) return { ok: false, status: result.status, error: result.error, retryAfter: result.retryAfter, requestId: result.requestId };
      const checked = checkShape('itemList', result.body);
      if (!checked.ok) {
        return { ok: false, status: 502, error: { message: `${source.label} answered with an unexpected shape (${checked.problem}).`, type: 'upstream_error', code: 'upstream_malformed', param: null } };
      }
      const list = checked.value as { data: LoaderItem[]; has_more: boolean; last_id: string | null };
      return { ok: true, page: { items: list.data, hasMore: list.has_more, lastId: list.last_id } };
    } finally {
      waitLimit.clear();
      lease.release();
      options.gate.leave();
    }
  };
}

function cursorParam(c: Context, name: string): string | null | { invalid: string } {
  const value = c.req.query(name);
  if (value === undefined || value === '') return null;
  return ITEM_ID_PATTERN.test(value) ? value : { invalid: value };
}

/**
 * GET …/conversations/<id>/stream: the whole conversation as NDJSON, one line per upstream page, from both ends at
 * once. A failure before anything arrived is an ordinary JSON error with its status; a later one is the last line.
 */
export async function streamConversation(c: Context, source: Source, conversationId: string, options: StreamOptions) {
  const headAfter = cursorParam(c, 'head_after');
  const tailAfter = cursorParam(c, 'tail_after');
  for (const [name, value] of [['head_after', headAfter], ['tail_after', tailAfter]] as const) {
    if (value !== null && typeof value === 'object') {
      return jsonError(c, 400, `Invalid '${name}': '${value.invalid.slice(0, 40)}' is not an item ID.`, 'invalid_parameter', 'invalid_request_error', name);
    }
  }

  const controller = new AbortController();
  c.req.raw.signal.addEventListener('abort', () => controller.abort(), { once: true });
  const events = loadConversation(withRetries(sourcePageFetcher(source, conversationId, options)), {
    headAfter: headAfter as string | null,
    tailAfter: tailAfter as string | null,
    signal: controller.signal,
  });

  const first = await events.next();
  if (!first.done && first.value.type === 'error') {
    const { status, error, retry_after: retryAfter, request_id: requestId } = first.value;
    if (retryAfter) c.header('retry-after', retryAfter);
    if (requestId) c.header('x-request-id', requestId);
    if (status === 429) c.header('x-should-retry', 'true');
    return c.json({ error: { ...error, param: error.param ?? null } }, (status >= 400 && status <= 599 ? status : 502) as 502);
  }

  const encoder = new TextEncoder();
  let pending = first.done ? null : first.value;
  let ended = false;
  // Each line's bytes count against the budget until the client has taken them; a client that stops reading is dropped.
  const lease = options.budget.lease();
  const next = async () => {
    const event = ended ? undefined : (pending ?? (await events.next()).value);
    pending = null;
    if (!event) return null;
    if (event.type !== 'items') ended = true;
    const line = encoder.encode(`${stringifyJson(event)}\n`);
    lease.resize(line.byteLength);
    return line;
  };
  const body = heldStream(next, {
    lease,
    stallMs: options.timeoutMs,
    onStall: connectionCloser(c),
    onCancel: async () => {
      controller.abort();
      await events.return(undefined);
    },
  });
  return c.body(body, 200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
}
