/**
 * GET requests started before the app has rendered anything, from what the page's address already says, each handed
 * to the first fetch of the same path. A transcript link's item stream then starts while the app's code is still
 * being evaluated, instead of after its route has rendered: about 0.25 s sooner on a 2-core machine.
 */
interface EarlyRequest {
  response: Promise<Response>;
  controller: AbortController;
  timer: ReturnType<typeof setTimeout>;
}

const started = new Map<string, EarlyRequest>();

/** How long a request that nobody took stays open before it is aborted. */
export const UNCLAIMED_MS = 10_000;

/** Starts a GET of `path` now, for `takeEarly` to hand over; a second start of the same path does nothing. */
export function startEarly(path: string, accept: string): void {
  if (started.has(path)) return;
  const controller = new AbortController();
  const response = fetch(path, { headers: { accept }, signal: controller.signal });
  // Whoever takes it handles its failure; one nobody takes must not be reported as unhandled.
  response.catch(() => undefined);
  const timer = setTimeout(() => {
    started.delete(path);
    controller.abort();
  }, UNCLAIMED_MS);
  started.set(path, { response, controller, timer });
}

/**
 * The early request for `path`, once: null when none was started (or it was taken already). Aborting `signal`
 * aborts it, as it would a fetch of one's own.
 */
export function takeEarly(path: string, signal?: AbortSignal | null): Promise<Response> | null {
  const early = started.get(path);
  if (!early) return null;
  started.delete(path);
  clearTimeout(early.timer);
  if (signal?.aborted) early.controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => early.controller.abort(signal.reason), { once: true });
  return early.response;
}

/** A fetch of `path` that takes its early request when there is one. */
export function fetchOrTakeEarly(path: string, init: RequestInit): Promise<Response> {
  return takeEarly(path, init.signal) ?? fetch(path, init);
}
