interface Waiter {
  bytes: number;
  lease: { held: number };
  admit: () => void;
}

export interface ByteLease {
  /** Takes `bytes` more when they fit now and nobody waits; false otherwise, without waiting. */
  tryGrow(bytes: number): boolean;
  /** Takes `bytes` more, at once when they fit, else in turn; false when `signal` aborts first. */
  grow(bytes: number, signal: AbortSignal): boolean | Promise<boolean>;
  /** Sets what the lease holds to `bytes` without waiting: the same answer, in another form. */
  resize(bytes: number): void;
  /** Gives everything back; safe to call more than once. */
  release(): void;
}

/**
 * A budget of bytes shared by the answers in flight, from the first byte read upstream until the last byte is
 * written to the client. A lease that holds everything in use may always grow, so one answer bigger than the
 * whole budget still goes through, alone.
 */
export function createByteBudget(limit: number) {
  let used = 0;
  const queue: Waiter[] = [];
  const fits = (bytes: number, held: number) => used + bytes <= limit || used === held;

  function pump() {
    while (queue.length && fits(queue[0].bytes, queue[0].lease.held)) queue.shift()!.admit();
  }

  function lease(): ByteLease {
    const state = { held: 0 };
    const take = (bytes: number) => {
      used += bytes;
      state.held += bytes;
    };
    const tryGrow = (bytes: number) => {
      if (queue.length > 0 || !fits(bytes, state.held)) return false;
      take(bytes);
      return true;
    };
    return {
      tryGrow,
      grow(bytes, signal) {
        if (tryGrow(bytes)) return true;
        if (signal.aborted) return false;
        return new Promise<boolean>((resolve) => {
          const waiter: Waiter = {
            bytes,
            lease: state,
            admit: () => {
              signal.removeEventListener('abort', giveUp);
              take(bytes);
              resolve(true);
            },
          };
          const giveUp = () => {
            queue.splice(queue.indexOf(waiter), 1);
            resolve(false);
            pump();
          };
          queue.push(waiter);
          signal.addEventListener('abort', giveUp, { once: true });
        });
      },
      resize(bytes) {
        used += bytes - state.held;
        state.held = bytes;
        pump();
      },
      release() {
        used -= state.held;
        state.held = 0;
        pump();
      },
    };
  }

  return {
    lease,
    get used() {
      return used;
    },
    get waiting() {
      return queue.length;
    },
  };
}
