import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { ApiError, errorFromResponse, parseRetryAfter, parseRetryAfterMs, serverUnreachable } from '../../../lib/api-error';
import { nextTask } from '../../../lib/work-in-slices';
import { fetchOrTakeEarly } from '../../../lib/early-requests';
import { ITEM_STREAM_TYPE, itemStreamPath, withQuery } from '../../../shared/contract/api-paths';
import { keepPageLines, type PageLine } from '../data/page-text';
import { addChunk, EMPTY_STREAM, streamCursors, type StreamChunk, type StreamedItems } from '../data/streamed-items';
import type { ConversationItem } from '../types';

type StreamLine =
  | { type: 'items'; end: 'head' | 'tail'; items: ConversationItem[] }
  | { type: 'done' }
  | {
      type: 'error';
      status: number;
      error: { message?: string; code?: string | null };
      retry_after?: string | null;
      retry_after_ms?: string | null;
      request_id?: string | null;
    };

function malformed(what: string) {
  return new ApiError(`The viewer server's item stream is malformed (${what}).`, { status: 502, code: 'malformed_response' });
}

/** The most often the stream updates the cache while pages pour in. */
const FLUSH_MS = 100;

/** The longest the stream parses before it lets the page's thread do something else. */
const PARSE_SLICE_MS = 8;


const emptyChunk = (): StreamChunk => ({ head: [], tail: [], done: false });

/** A chunk on its way to the cache, with the lines each end's items came from (see page-text.ts). */
function withLines(chunk: StreamChunk, lines: { head: PageLine[]; tail: PageLine[] }): StreamChunk {
  keepPageLines(chunk.head, lines.head);
  keepPageLines(chunk.tail, lines.tail);
  return chunk;
}

/** The read's result, or null if `ms` pass first (the read stays pending, to be awaited again). */
function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isItem(value: unknown): value is ConversationItem {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function parseLine(line: string): StreamLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw malformed('a line is not JSON');
  }
  const event = value as Partial<StreamLine> | null;
  if (event?.type === 'items' && (event.end === 'head' || event.end === 'tail') && Array.isArray(event.items) && event.items.every(isItem)) {
    return event as StreamLine;
  }
  if (event?.type === 'done' || (event?.type === 'error' && typeof event.error === 'object')) return event as StreamLine;
  throw malformed('an unknown line');
}

/**
 * Reads GET …/stream: the conversation's items from both ends, one chunk per network read, resuming after
 * the cursors given. An error line keeps what came before it and ends the stream with an ApiError.
 */
export async function* streamItems(source: string, conversationId: string, cursors: ReturnType<typeof streamCursors>, signal: AbortSignal): AsyncGenerator<StreamChunk> {
  const query = new URLSearchParams();
  if (cursors.headAfter) query.set('head_after', cursors.headAfter);
  if (cursors.tailAfter) query.set('tail_after', cursors.tailAfter);
  const path = withQuery(itemStreamPath(source, conversationId), query);
  let response: Response;
  try {
    response = await fetchOrTakeEarly(path, { headers: { accept: ITEM_STREAM_TYPE }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw serverUnreachable();
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (!response.body) throw malformed('no body');

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let chunk = emptyChunk();
  let lines = { head: [] as PageLine[], tail: [] as PageLine[] };
  const take = () => {
    const full = withLines(chunk, lines);
    chunk = emptyChunk();
    lines = { head: [], tail: [] };
    return full;
  };
  let pending: Promise<ReadableStreamReadResult<string>> | null = null;
  let lastYield = Number.NEGATIVE_INFINITY;
  let taskStart = performance.now();
  const hasItems = () => chunk.head.length > 0 || chunk.tail.length > 0;
  try {
    for (;;) {
      pending ??= reader.read();
      // Pages that arrive close together go to the cache (and the page) as one update, at most one per FLUSH_MS;
      // the first one at once.
      const wait = hasItems() ? Math.max(0, FLUSH_MS - (performance.now() - lastYield)) : null;
      let read: ReadableStreamReadResult<string> | null;
      try {
        read = wait === null ? await pending : await raceTimeout(pending, wait);
      } catch (error) {
        if (signal.aborted) throw error;
        throw new ApiError('The connection to the viewer server broke while items were loading.', { status: 0, code: 'network_error' });
      }
      if (read === null || (hasItems() && performance.now() - lastYield >= FLUSH_MS)) {
        yield take();
        lastYield = performance.now();
        if (read === null) continue;
      }
      pending = null;
      if (read.done) {
        if (hasItems()) yield take();
        throw new ApiError('The item stream ended before the conversation was complete.', { status: 0, code: 'stream_interrupted' });
      }
      // Reads already buffered resolve at once, so parsing a backlog would run on as one task: it breaks off now and then.
      if (performance.now() - taskStart > PARSE_SLICE_MS) {
        await nextTask();
        taskStart = performance.now();
      }
      buffer += read.value;
      const readLines = buffer.split('\n');
      buffer = readLines.pop() ?? '';
      for (const line of readLines) {
        if (!line.trim()) continue;
        // One read can hold many pages (a backlog the browser had buffered): the break can come between two of them.
        if (performance.now() - taskStart > PARSE_SLICE_MS) {
          await nextTask();
          taskStart = performance.now();
        }
        const event = parseLine(line);
        if (event.type === 'items') {
          chunk[event.end].push(...event.items);
          lines[event.end].push({ text: line, count: event.items.length });
          // The first page goes to the page at once, before the rest of its read is parsed.
          if (lastYield === Number.NEGATIVE_INFINITY) {
            yield take();
            lastYield = performance.now();
          }
        } else if (event.type === 'done') chunk.done = true;
        else {
          if (hasItems()) yield take();
          throw new ApiError(event.error.message ?? 'Loading failed.', {
            status: event.status,
            code: event.error.code ?? null,
            retryAfterSeconds: parseRetryAfter(event.retry_after ?? null) ?? parseRetryAfterMs(event.retry_after_ms ?? null),
            requestId: typeof event.request_id === 'string' ? event.request_id : null,
          });
        }
      }
      if (chunk.done) {
        yield take();
        return;
      }
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/**
 * The whole conversation, streamed into the cache as it arrives. Refetching resumes where each end stopped
 * (after Stop loading, or a failure partway) and appends; a complete conversation is never read again.
 */
export const itemStreamQueryOptions = (source: string, conversationId: string) =>
  queryOptions({
    queryKey: ['conversations', source, conversationId, 'items', 'stream'],
    queryFn: streamedQuery<StreamChunk, StreamedItems>({
      streamFn: async function* ({ client, queryKey, signal }) {
        const current = client.getQueryData<StreamedItems>(queryKey);
        if (current?.complete) return;
        yield* streamItems(source, conversationId, streamCursors(current), signal);
      },
      reducer: addChunk,
      initialValue: EMPTY_STREAM,
      refetchMode: 'append',
    }),
    staleTime: Infinity,
    // A transcript left while loading, and opened again, picks up where it stopped.
    refetchOnMount: (query) => (query.state.data?.complete ? false : 'always'),
    structuralSharing: false,
  });
