/** How long one slice of work may hold the page's thread: well inside a frame, so input is answered at once. */
export const SLICE_BUDGET_MS = 12;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
