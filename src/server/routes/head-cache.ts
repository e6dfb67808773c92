export interface AnswerHead {
  status: number;
  headers: Record<string, string>;
}

const TTL_MS = 10_000;
const MAX_ENTRIES = 1_000;

/**
 * The status and headers of recent answers, by upstream path, so that HEAD can answer from the last GET
 * (or HEAD) instead of fetching the whole answer from the upstream again. No body is kept.
 */
export function createHeadCache(now: () => number = Date.now) {
  const entries = new Map<string, AnswerHead & { expires: number }>();
  return {
    get(key: string): AnswerHead | null {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires > now()) return entry;
      entries.delete(key);
      return null;
    },
    set(key: string, head: AnswerHead) {
      const expires = now() + TTL_MS;
      const entry = entries.get(key);
      // A key read again and again (the same page, polled) is refreshed where it is: its place in the order matters
      // only once the map is full, and then the oldest entry goes a little early.
      if (entry) {
        entry.status = head.status;
        entry.headers = head.headers;
        entry.expires = expires;
        return;
      }
      entries.set(key, { status: head.status, headers: head.headers, expires });
      // Maps keep insertion order: the first key is the oldest.
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}
