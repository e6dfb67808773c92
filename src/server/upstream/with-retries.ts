import type { FetchPage } from './load-conversation.ts';

/** Failures that another try usually fixes: a kept-alive connection closed under us, a refused connect. */
export const TRANSIENT = new Set(['upstream_connection_reset', 'upstream_unreachable']);
export const RETRIES = 2;

export const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * One dropped connection must not end a whole read: an upstream may close a kept-alive connection just as it is
 * reused, and the server's own reads (streams, snapshots, exports) have no browser to retry for them. Transient
 * failures get two more tries.
 */
export function withRetries(fetchPage: FetchPage): FetchPage {
  return async (request, signal) => {
    for (let attempt = 0; ; attempt += 1) {
      const result = await fetchPage(request, signal);
      if (result.ok || attempt >= RETRIES || signal.aborted || !TRANSIENT.has(result.error.code ?? '')) return result;
      await pause(250 * (attempt + 1), signal);
    }
  };
}
