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

/** What the Node upstream GET needs of a signal; an AbortSignal is one. */
export interface Abortable {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * `deadline` without an AbortController: the same timer and the same TimeoutError, with listeners kept in a list.
 * For the server's own upstream GET (`nodeFetch`), which runs once per proxied request and needs no more of a signal.
 */
export function lightDeadline(ms: number, other?: AbortSignal): { signal: Abortable; clear: () => void } {
  let aborted = false;
  let reason: unknown;
  const listeners: (() => void)[] = [];
  const fire = (why: unknown) => {
    if (aborted) return;
    aborted = true;
    reason = why;
    clear();
    for (const listener of listeners.splice(0)) listener();
  };
  const timer = setTimeout(() => fire(new DOMException(`The operation timed out after ${ms} ms.`, 'TimeoutError')), ms);
  timer.unref?.();
  const onOther = () => fire(other?.reason);
  const clear = () => {
    clearTimeout(timer);
    other?.removeEventListener('abort', onOther);
  };
  if (other?.aborted) fire(other.reason);
  else other?.addEventListener('abort', onOther, { once: true });
  const signal: Abortable = {
    get aborted() {
      return aborted;
    },
    get reason() {
      return reason;
    },
    addEventListener: (_type, listener) => {
      if (!aborted) listeners.push(listener);
    },
    removeEventListener: (_type, listener) => {
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    },
  };
  return { signal, clear };
}
