/** At most `limit` events per client in each window; a refused client learns when to retry. */
export function createRateLimiter(limit: number, windowMs = 60_000) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return (client: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } => {
    if (limit <= 0) return { ok: true };
    // Forget finished windows once the map grows, so many clients cannot fill memory.
    if (windows.size > 10_000) for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    let window = windows.get(client);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      windows.set(client, window);
    }
    if (window.count >= limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
    window.count += 1;
    return { ok: true };
  };
}
