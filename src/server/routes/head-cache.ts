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
      entries.delete(key);
      entries.set(key, { ...head, expires: now() + TTL_MS });
      // Maps keep insertion order: the first key is the oldest.
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}
