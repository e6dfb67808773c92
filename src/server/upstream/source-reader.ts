import { ApiFailure } from '../http/api-failure.ts';
import type { createByteBudget } from './byte-budget.ts';
import { deadline } from '../http/deadline.ts';
import type { createGate } from './gate.ts';
import { loadConversation, type FetchPage, type LoaderEvent, type LoadOptions } from './load-conversation.ts';
import { sourcePageFetcher } from '../routes/stream-route.ts';
import { pause, RETRIES, TRANSIENT, withRetries } from './with-retries.ts';
import { checkShape } from './shape-check.ts';
import type { Source } from '../sources/sources.ts';
import { getFromUpstream, type UpstreamOptions } from './get-from-upstream.ts';

export interface ReaderOptions extends UpstreamOptions {
  /** The proxy's own gate and byte budget, so loads count against the same limits as every other upstream request. */
  gate: ReturnType<typeof createGate>;
  budget: ReturnType<typeof createByteBudget>;
}

/** The conversation object, through the same gate, timeout, size cap, shape check and redaction as the proxy. */
export async function readConversation(source: Source, conversationId: string, options: ReaderOptions, signal: AbortSignal) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await readConversationOnce(source, conversationId, options, signal);
    } catch (error) {
      if (attempt >= RETRIES || signal.aborted || !(error instanceof ApiFailure) || !TRANSIENT.has(error.details.code ?? '')) throw error;
      await pause(250 * (attempt + 1), signal);
    }
  }
}

async function readConversationOnce(source: Source, conversationId: string, options: ReaderOptions, signal: AbortSignal) {
  const waitLimit = deadline(options.timeoutMs, signal);
  if (!(await options.gate.enter(waitLimit.signal))) {
    waitLimit.clear();
    throw new ApiFailure(503, 'viewer_busy', 'The viewer is busy with other upstream requests. Retry in a moment.', 'server_error');
  }
  const lease = options.budget.lease();
  try {
    const result = await getFromUpstream(source, `/conversations/${conversationId}`, options, { signal, reserve: (bytes) => lease.grow(bytes, waitLimit.signal) });
    if (!result.ok) throw ApiFailure.from(result.status, result.error);
    const checked = checkShape('conversation', result.body);
    if (!checked.ok) throw new ApiFailure(502, 'upstream_malformed', `${source.label} answered with an unexpected shape (${checked.problem}).`, 'upstream_error');
    return checked.value as Record<string, unknown> & { id: string };
  } finally {
    waitLimit.clear();
    lease.release();
    options.gate.leave();
  }
}

/** Every page of the conversation from both ends at once: the fastest way to read all of it. */
export function readBothEnds(source: Source, conversationId: string, options: ReaderOptions, load: LoadOptions): AsyncGenerator<LoaderEvent> {
  return loadConversation(storableIds(source, withRetries(sourcePageFetcher(source, conversationId, options))), load);
}

/** The store keeps item IDs as text, which cannot hold a NUL character: such a page is the upstream's fault, not ours. */
function storableIds(source: Source, fetchPage: FetchPage): FetchPage {
  return async (request, signal) => {
    const result = await fetchPage(request, signal);
    if (!result.ok || !result.page.items.some((item) => item.id?.includes('\u0000'))) return result;
    const message = `${source.label} sent an item ID with a NUL character in it, which a snapshot cannot store.`;
    return { ok: false, status: 502, error: { message, type: 'upstream_error', code: 'upstream_malformed', param: null } };
  };
}

/**
 * The items in conversation order, read from the start only, for answers that stream in order without holding
 * half a conversation in memory. The loader's end-of-conversation side waits, unasked, until the start side is done.
 */
export async function* readInOrder(source: Source, conversationId: string, options: ReaderOptions, load: LoadOptions) {
  const fetchPage = withRetries(sourcePageFetcher(source, conversationId, options));
  const startOnly: FetchPage = (request, signal) =>
    request.order === 'asc'
      ? fetchPage(request, signal)
      : new Promise((resolve) => signal.addEventListener('abort', () => resolve({ ok: true, page: { items: [], hasMore: false, lastId: null } }), { once: true }));
  for await (const event of loadConversation(startOnly, load)) {
    if (event.type === 'error') throw ApiFailure.from(event.status, event.error);
    if (event.type === 'items') yield* event.items;
  }
}
