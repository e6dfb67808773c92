/** How long a request started early waits to be taken before it is given up (the page never asked for it). */
const UNCLAIMED_MS = 15_000;

interface Early {
  response: Promise<Response>;
  controller: AbortController;
  timer: ReturnType<typeof setTimeout>;
}

const started = new Map<string, Early>();

/**
 * Starts a request the page about to render will make first, while its code is still on its way: the server (and
 * its upstream) work meanwhile. The page takes it with `takeEarly`, once; one that is not taken is aborted.
 */
export function startEarly(path: string, init: RequestInit = {}): void {
  if (started.has(path)) return;
  const controller = new AbortController();
  const response = fetch(path, { ...init, signal: controller.signal });
  // A failure is the taker's to report; one nobody takes is nobody's.
  response.catch(() => undefined);
  const timer = setTimeout(() => {
    started.delete(path);
    controller.abort();
  }, UNCLAIMED_MS);
  started.set(path, { response, controller, timer });
}

/** The early request for `path`, if one was started and not taken yet; `signal` aborts it from now on. */
export function takeEarly(path: string, signal: AbortSignal): Promise<Response> | null {
  const early = started.get(path);
  if (!early) return null;
  started.delete(path);
  clearTimeout(early.timer);
  if (signal.aborted) early.controller.abort(signal.reason);
  else signal.addEventListener('abort', () => early.controller.abort(signal.reason), { once: true });
  return early.response;
}
