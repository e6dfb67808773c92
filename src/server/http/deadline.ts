export interface Deadline {
  /** Aborts with a TimeoutError after the time, or with the other signal's reason when that aborts first. */
  signal: AbortSignal;
  /** Stops the timer and lets go of the other signal; call it once the work is done. */
  clear: () => void;
}

/**
 * A time limit whose timer this module holds. On Node 20, `AbortSignal.any([AbortSignal.timeout(ms), other])`
 * stops firing once the timeout signal has been garbage-collected (nodejs/node#57736); here the pending timer keeps
 * the controller, and so the signal, alive until it fires or is cleared.
 */
export function deadline(ms: number, other?: AbortSignal): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`The operation timed out after ${ms} ms.`, 'TimeoutError')), ms);
  // Like AbortSignal.timeout, a pending limit alone does not keep the process running.
  timer.unref?.();
  const onOther = () => {
    clearTimeout(timer);
    controller.abort(other?.reason);
  };
  if (other?.aborted) onOther();
  else other?.addEventListener('abort', onOther, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      other?.removeEventListener('abort', onOther);
    },
  };
}
