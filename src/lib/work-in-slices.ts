/** How long one slice of work may hold the page's thread: well inside a frame, so input is answered at once. */
export const SLICE_BUDGET_MS = 8;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
