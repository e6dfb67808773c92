import { useSyncExternalStore } from 'react';

export type ChunkState<T> = { status: 'pending' } | { status: 'loaded'; value: T } | { status: 'failed'; error: unknown };

export interface LazyChunk<T> {
  /** Starts fetching the chunk, once; later calls do nothing. */
  preload: () => void;
  /** Fetches it again if it failed (asked by an event, never by a render: a render would ask again and again). */
  retry: () => void;
  subscribe: (listener: () => void) => () => void;
  state: () => ChunkState<T>;
}

const PENDING = { status: 'pending' } as const;

/**
 * Code fetched on demand, as `React.lazy` would, but without suspending. React holds back the content of a Suspense
 * boundary that resolves until 300 ms after its fallback showed, so a lazy page or a lazy Markdown view appeared a
 * third of a second late even when its chunk came in 50 ms; here the arrival is a store update and renders at once.
 * A chunk that fails stays failed: the page says so and offers a reload, as for any page whose code cannot load;
 * `retry` asks again where a later event may find it (the error describer, with the next failure).
 */
export function lazyChunk<T>(load: () => Promise<T>): LazyChunk<T> {
  let state: ChunkState<T> = PENDING;
  let started = false;
  let settled = true;
  const listeners = new Set<() => void>();
  const settle = (next: ChunkState<T>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const fetchIt = () => {
    started = true;
    settled = false;
    load().then(
      (value) => {
        settled = true;
        settle({ status: 'loaded', value });
      },
      (error: unknown) => {
        settled = true;
        settle({ status: 'failed', error });
      },
    );
  };
  const preload = () => {
    if (!started) fetchIt();
  };
  const retry = () => {
    if (state.status === 'failed' && settled) fetchIt();
    else preload();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { preload, retry, subscribe, state: () => state };
}

/**
 * What a chunk gives, once fetched; `wanted` starts fetching it (during render, as React's own `preload` may be).
 * The component renders again when it arrives, as an ordinary update.
 */
export function useChunk<T>(chunk: LazyChunk<T>, wanted = true): ChunkState<T> {
  if (wanted) chunk.preload();
  return useSyncExternalStore(chunk.subscribe, chunk.state, chunk.state);
}
