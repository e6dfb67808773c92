/**
 * At most `limit` holders at once; the rest wait in order. Each upstream answer may be held several times over
 * while it is parsed and checked, so bounding how many are in flight bounds the server's memory.
 */
export function createGate(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Enters at once when there is room (nobody waits); false otherwise, without waiting. */
    tryEnter(): boolean {
      if (active >= limit) return false;
      active += 1;
      return true;
    },
    /** Resolves true once inside, or false if `signal` aborts first. */
    enter(signal: AbortSignal): Promise<boolean> {
      if (active < limit) {
        active += 1;
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const admit = () => {
          signal.removeEventListener('abort', giveUp);
          active += 1;
          resolve(true);
        };
        const giveUp = () => {
          waiting.splice(waiting.indexOf(admit), 1);
          resolve(false);
        };
        waiting.push(admit);
        signal.addEventListener('abort', giveUp, { once: true });
      });
    },
    leave() {
      active -= 1;
      waiting.shift()?.();
    },
    get waiting() {
      return waiting.length;
    },
  };
}
