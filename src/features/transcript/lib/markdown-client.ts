import type { Citation } from './citations';
import type { FromMarkdownWorker, ToMarkdownWorker } from './markdown-protocol';
import type { MarkdownTree } from './markdown-tree';

/** Trees kept for rows that come back into view; a tree is a few times its text's size. */
const CACHE_ENTRIES = 500;
const CACHE_CHARS = 4_000_000;

/** Recently rendered trees by text, oldest first (a Map keeps insertion order; a hit moves to the end). */
const cache = new Map<string, { tree: MarkdownTree; chars: number }>();
let cachedChars = 0;

export function markdownKey(text: string, citations: readonly Citation[]): string {
  // Marked by kind, so no text without citations can equal the key of one with them.
  return citations.length ? `c${JSON.stringify(citations)}\u0000${text}` : `t${text}`;
}

export function cachedMarkdownTree(key: string): MarkdownTree | undefined {
  const entry = cache.get(key);
  if (!entry) return undefined;
  cache.delete(key);
  cache.set(key, entry);
  return entry.tree;
}

export function keepMarkdownTree(key: string, tree: MarkdownTree) {
  const old = cache.get(key);
  if (old) cachedChars -= old.chars;
  cache.delete(key);
  cache.set(key, { tree, chars: key.length });
  cachedChars += key.length;
  for (const [oldest, entry] of cache) {
    if (cache.size <= CACHE_ENTRIES && cachedChars <= CACHE_CHARS) break;
    cache.delete(oldest);
    cachedChars -= entry.chars;
  }
}

/** The parser on this thread, for a page without workers: loaded only then, since a worker has its own. */
const renderHere = (text: string, citations: readonly Citation[]) => import('./markdown-tree').then((module) => module.markdownTree(text, citations));

/** A text the worker has; a row that has gone leaves it without `resolve`, and its tree is still kept for when it returns. */
interface Pending {
  key: string;
  resolve?: (tree: MarkdownTree) => void;
  reject?: (error: Error) => void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module', name: 'markdown' });
  } catch {
    worker = null;
    return null;
  }
  worker.onmessage = (event: MessageEvent<FromMarkdownWorker>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (!waiting || 'dropped' in message) return;
    if ('tree' in message) {
      keepMarkdownTree(waiting.key, message.tree);
      waiting.resolve?.(message.tree);
    } else waiting.reject?.(new Error(message.error));
  };
  // A worker that cannot start (its chunk failed to load) leaves every text to this thread.
  worker.onerror = () => {
    worker?.terminate();
    worker = null;
    const stranded = [...pending.values()];
    pending.clear();
    for (const waiting of stranded) waiting.reject?.(new Error('The Markdown worker stopped.'));
  };
  return worker;
}

/**
 * A text's tree, rendered by the worker (or, without one, on this thread a task later) and kept for next time.
 * `cancel` tells the worker the row has gone: it skips the text if it has not started on it.
 */
export function requestMarkdownTree(key: string, text: string, citations: readonly Citation[]): { promise: Promise<MarkdownTree>; cancel: () => void } {
  const cached = cachedMarkdownTree(key);
  if (cached) return { promise: Promise.resolve(cached), cancel: () => undefined };
  const target = startWorker();
  const keep = (tree: MarkdownTree) => {
    keepMarkdownTree(key, tree);
    return tree;
  };
  if (!target) return { promise: renderHere(text, citations).then(keep), cancel: () => undefined };
  const id = nextId++;
  const promise = new Promise<MarkdownTree>((resolve, reject) => pending.set(id, { key, resolve, reject }))
    // A worker that stopped on the way hands the text back to this thread.
    .catch((error: unknown) => (worker === null ? renderHere(text, citations).then(keep) : Promise.reject(error)));
  target.postMessage({ type: 'render', id, text, citations: [...citations] } satisfies ToMarkdownWorker);
  return {
    promise,
    cancel: () => {
      const waiting = pending.get(id);
      if (!waiting?.resolve) return;
      // The worker drops it if it has not started on it (and says so); a tree already on its way is kept all the same.
      pending.set(id, { key });
      worker?.postMessage({ type: 'cancel', id } satisfies ToMarkdownWorker);
    },
  };
}
