/** How long one slice of work may hold the page's thread: well inside a frame, so input is answered at once. */
export const SLICE_BUDGET_MS = 8;

/** Callbacks waiting for their task, in order, one message each. */
const queued: (() => void)[] = [];
let channel: MessageChannel | null = null;

function openChannel(): MessageChannel {
  const opened = new MessageChannel();
  opened.port1.onmessage = () => queued.shift()?.();
  // A port keeps Node's process alive; a browser's has no unref.
  (opened.port1 as { unref?: () => void }).unref?.();
  return opened;
}

/**
 * Runs `callback` in a task of its own, after what is already queued, and returns a cancel. A yield to the page that
 * does not wait: chained `setTimeout(…, 0)` calls are held to 4 ms each from the fifth on (the HTML standard's nesting
 * clamp), so a loop that yields through them idles more than it works. A message to a channel is not held.
 */
export function inTask(callback: () => void): () => void {
  // Node (the tests): its own turn of the event loop, after timers and I/O that are due.
  const node = globalThis as { setImmediate?: (run: () => void) => unknown; clearImmediate?: (immediate: unknown) => void };
  if (typeof node.setImmediate === 'function') {
    const immediate = node.setImmediate(callback);
    return () => node.clearImmediate?.(immediate);
  }
  if (typeof MessageChannel !== 'function') {
    const timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  channel ??= openChannel();
  const entry: { run: (() => void) | null } = { run: callback };
  queued.push(() => entry.run?.());
  channel.port2.postMessage(null);
  return () => void (entry.run = null);
}

/** Resolves in a task of its own, after what is already queued (see inTask). */
export const nextTask = () => new Promise<void>((resolve) => inTask(resolve));

/**
 * Says, when asked after each unit of work, whether a slice of `budgetMs` has had its time; the clock is read every
 * few units, as reading it costs about as much as a small one.
 */
export function sliceDeadline(budgetMs = SLICE_BUDGET_MS): () => boolean {
  const until = performance.now() + budgetMs;
  let units = 0;
  return () => (units += 1) % 16 === 0 && performance.now() > until;
}

/** The same value, handed over in a task of its own: what loaded it and what uses it are not one long task. */
export async function inNextTask<T>(value: Promise<T>): Promise<T> {
  const resolved = await value;
  await nextTask();
  return resolved;
}

/**
 * Runs `work` over every value, yielding to the page whenever a slice has taken its budget; a single value that
 * takes longer is the only way a slice overruns.
 */
export async function forEachInSlices<T>(values: Iterable<T>, work: (value: T) => void, signal?: AbortSignal, budgetMs = SLICE_BUDGET_MS): Promise<void> {
  let sliceStart = performance.now();
  for (const value of values) {
    if (performance.now() - sliceStart > budgetMs) {
      await nextTask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    work(value);
  }
}
