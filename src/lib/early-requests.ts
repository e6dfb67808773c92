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
/** How long a request stays for the next taker after its taker gave it up before it had answered. */
export const RETAKE_MS = 1_000;

function keep(path: string, early: Omit<EarlyRequest, 'timer'>, ms: number): void {
  const timer = setTimeout(() => {
    started.delete(path);
    early.controller.abort();
  }, ms);
  started.set(path, { ...early, timer });
}

/** Starts a GET of `path` now, for `takeEarly` to hand over; a second start of the same path does nothing. */
export function startEarly(path: string, accept: string): void {
  if (started.has(path)) return;
  const controller = new AbortController();
  const response = fetch(path, { headers: { accept }, signal: controller.signal });
  // Whoever takes it handles its failure; one nobody takes must not be reported as unhandled.
  response.catch(() => undefined);
  keep(path, { response, controller }, UNCLAIMED_MS);
}

/**
 * The early request for `path`, once: null when none was started (or it was taken already). Aborting `signal` ends
 * the taker's fetch as it would a fetch of its own. Given up before it answered, the request stays for the next fetch
 * of the path for a moment (React's StrictMode mounts a page, unmounts it and mounts it again at once); given up after,
 * it is aborted, body and all.
 */
export function takeEarly(path: string, signal?: AbortSignal | null): Promise<Response> | null {
  const early = started.get(path);
  if (!early) return null;
  started.delete(path);
  clearTimeout(early.timer);
  if (!signal) return early.response;
  return new Promise<Response>((resolve, reject) => {
    let handed = false;
    const giveUp = () => {
      if (handed) early.controller.abort(signal.reason);
      else {
        keep(path, early, RETAKE_MS);
        reject(signal.reason);
      }
    };
    if (signal.aborted) return giveUp();
    signal.addEventListener('abort', giveUp, { once: true });
    early.response.then(
      (response) => {
        if (signal.aborted) return;
        handed = true;
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', giveUp);
        reject(error);
      },
    );
  });
}

/** A fetch of `path` that takes its early request when there is one. */
export function fetchOrTakeEarly(path: string, init: RequestInit): Promise<Response> {
  return takeEarly(path, init.signal) ?? fetch(path, init);
}
