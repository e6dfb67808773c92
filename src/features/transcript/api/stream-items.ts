import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { ApiError, errorFromResponse, parseRetryAfter } from '../../../lib/api-error';
import { addChunk, EMPTY_STREAM, streamCursors, type StreamChunk, type StreamedItems } from '../data/streamed-items';
import type { ConversationItem } from '../types';

type StreamLine =
  | { type: 'items'; end: 'head' | 'tail'; items: ConversationItem[] }
  | { type: 'done' }
  | { type: 'error'; status: number; error: { message?: string; code?: string | null }; retry_after?: string | null };

function malformed(what: string) {
  return new ApiError(`The viewer server's item stream is malformed (${what}).`, { status: 502, code: 'malformed_response' });
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
  const path = `/api/sources/${encodeURIComponent(source)}/conversations/${encodeURIComponent(conversationId)}/stream${query.size ? `?${query}` : ''}`;
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/x-ndjson' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('The viewer server could not be reached. Check that it is still running.', { status: 0, code: 'network_error' });
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (!response.body) throw malformed('no body');

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      let read: ReadableStreamReadResult<string>;
      try {
        read = await reader.read();
      } catch (error) {
        if (signal.aborted) throw error;
        throw new ApiError('The connection to the viewer server broke while items were loading.', { status: 0, code: 'network_error' });
      }
      if (read.done) throw new ApiError('The item stream ended before the conversation was complete.', { status: 0, code: 'stream_interrupted' });
      buffer += read.value;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      const chunk: StreamChunk = { head: [], tail: [], done: false };
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = parseLine(line);
        if (event.type === 'items') chunk[event.end].push(...event.items);
        else if (event.type === 'done') chunk.done = true;
        else {
          if (chunk.head.length || chunk.tail.length) yield chunk;
          throw new ApiError(event.error.message ?? 'Loading failed.', {
            status: event.status,
            code: event.error.code ?? null,
            retryAfterSeconds: parseRetryAfter(event.retry_after ?? null),
          });
        }
      }
      yield chunk;
      if (chunk.done) return;
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
