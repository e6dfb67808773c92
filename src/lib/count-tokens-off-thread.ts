import type { ExportItem, TokensOf } from '../shared/export/export-document';
import { itemTokens, loadTokenizer } from '../shared/items/token-counts';
import { tokenText } from '../shared/items/token-text';
import type { FromTokenCounter, ToTokenCounter } from './token-count-protocol';
import { forEachInSlices } from './work-in-slices';

/** Characters of text per message: one message's copy stays a few milliseconds on the page's thread. */
const CHARS_PER_MESSAGE = 512 * 1024;

/**
 * Each item's token count as the page counts it (see itemTokens), worked out in a worker: the tokenizer (a megabyte)
 * neither loads nor runs on the page's thread. Counts the caller already has (`known`, say the transcript's own) are
 * taken as they are, and when every count is known no worker starts. Where there is no worker, the tokenizer counts
 * here, an item at a time as the caller asks. Rejects when the tokenizer cannot be loaded.
 */
export async function countTokensOffThread(items: readonly ExportItem[], known?: (item: ExportItem) => number | undefined): Promise<TokensOf> {
  const counts = new Map<ExportItem, number>();
  if (typeof Worker === 'undefined') {
    const count = await loadTokenizer();
    return (item) => known?.(item) ?? itemTokens(item, count);
  }
  let worker = null as Worker | null;
  let nextId = 0;
  const batches = new Map<number, { items: ExportItem[]; resolve: () => void; reject: (error: Error) => void }>();
  const answered: Promise<void>[] = [];
  /** Why the worker failed: every batch waiting, and any sent after, fails with it. */
  let failure: string | null = null;
  const failAll = (reason: string) => {
    failure = reason;
    for (const { reject } of batches.values()) reject(new Error(reason));
    batches.clear();
  };
  const open = () => {
    const started = new Worker(new URL('./token-count.worker.ts', import.meta.url), { type: 'module', name: 'token counter' });
    started.onmessage = (event: MessageEvent<FromTokenCounter>) => {
      const answer = event.data;
      const batch = batches.get(answer.id);
      if (!batch) return;
      batches.delete(answer.id);
      if ('error' in answer) {
        batch.reject(new Error(answer.error));
        return;
      }
      batch.items.forEach((item, index) => counts.set(item, answer.counts[index]));
      batch.resolve();
    };
    started.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      failAll(event.message || 'the token counter could not be started');
    };
    started.onmessageerror = () => failAll('an answer from the token counter could not be read');
    return started;
  };

  let texts: string[] = [];
  let waiting: ExportItem[] = [];
  let chars = 0;
  const flush = () => {
    if (waiting.length === 0) return;
    worker ??= open();
    const id = (nextId += 1);
    const batchItems = waiting;
    const answer = failure === null ? new Promise<void>((resolve, reject) => batches.set(id, { items: batchItems, resolve, reject })) : Promise.reject(new Error(failure));
    // Awaited together at the end; one that fails before then is not an unhandled rejection meanwhile.
    answer.catch(() => {});
    answered.push(answer);
    if (failure === null) worker.postMessage({ id, texts } satisfies ToTokenCounter);
    texts = [];
    waiting = [];
    chars = 0;
  };
  try {
    await forEachInSlices(items, (item) => {
      const count = known?.(item);
      if (count !== undefined) {
        counts.set(item, count);
        return;
      }
      const { text } = tokenText(item);
      texts.push(text);
      waiting.push(item);
      chars += text.length;
      if (chars >= CHARS_PER_MESSAGE) flush();
    });
    flush();
    await Promise.all(answered);
  } finally {
    worker?.terminate();
  }
  return (item) => counts.get(item) ?? 0;
}
