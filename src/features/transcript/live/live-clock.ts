import { ApiError } from '../../../lib/api-error';

/** The quickest a transcript is looked at again, while it keeps changing. */
export const MIN_DELAY_MS = 3_000;
/** The slowest, once it has been quiet for a while. */
export const MAX_DELAY_MS = 30_000;
/** Each upstream request of a poll buys this much wait before the next poll, so a poll never costs more than its share. */
export const REQUEST_SPACING_MS = 3_000;
/** Watching stops after this long without a change... */
export const QUIET_STOP_MS = 3 * 60_000;
/** ...or this long while an item is still in progress (it may finish late). */
export const IDLE_STOP_MS = 10 * 60_000;
/** A poll that ends this long after it was due was paused (a hidden tab); the quiet period starts over. */
const PAUSED_MS = 2 * MAX_DELAY_MS;

/**
 * When to look at a live transcript next: backs off from 3 s to 30 s while nothing changes, waits out a
 * Retry-After, spends at most one upstream request per 3 s, and says when to stop for good.
 */
export class LiveClock {
  private lastChangeAt: number;
  private lastPollAt: number | null = null;
  private unchanged = 0;
  private failures = 0;
  private requests = 0;
  private retryAt: number | null = null;
  /** A check has succeeded, finding nothing new, since the last change: the quiet period was not all failures. */
  private checkedQuietly = false;

  constructor(now: number) {
    this.lastChangeAt = now;
  }

  /** Watching starts (again): the quiet period counts from now. */
  restart(now: number) {
    this.lastChangeAt = now;
    this.unchanged = 0;
    this.failures = 0;
    this.retryAt = null;
    this.checkedQuietly = false;
  }

  /**
   * A poll ended now: after a pause (a hidden tab, a sleeping laptop) the quiet period starts over, whatever it found.
   * The gap counts from when the poll was due, so a wait the clock asked for itself (a Retry-After of minutes, its
   * back-off) is no pause: a source that keeps answering 429 does not keep the watch going for ever.
   */
  private polled(now: number) {
    if (this.lastPollAt !== null && now - this.nextAt(this.lastPollAt) > PAUSED_MS) {
      this.lastChangeAt = now;
      this.checkedQuietly = false;
    }
    this.lastPollAt = now;
  }

  succeeded(now: number, { changed, requests }: { changed: boolean; requests: number }) {
    this.polled(now);
    this.requests = requests;
    this.failures = 0;
    this.retryAt = null;
    if (changed) {
      this.lastChangeAt = now;
      this.unchanged = 0;
      this.checkedQuietly = false;
    } else {
      this.unchanged += 1;
      this.checkedQuietly = true;
    }
  }

  failed(now: number, error: unknown, requests = 1) {
    this.polled(now);
    this.requests = requests;
    this.failures += 1;
    // A 429 (or the viewer's own 503 when it is busy) says how long to wait.
    const wait = error instanceof ApiError ? error.retryAfterSeconds : null;
    this.retryAt = wait === null ? null : now + wait * 1000;
  }

  /** Whether a poll now would keep to a Retry-After the source asked for. */
  mayPoll(now: number): boolean {
    return this.retryAt === null || now >= this.retryAt;
  }

  /** Milliseconds from now until the next poll. */
  nextDelay(now: number): number {
    const steps = Math.max(this.unchanged, this.failures);
    const backoff = Math.min(MIN_DELAY_MS * 2 ** steps, MAX_DELAY_MS);
    const since = this.lastPollAt === null ? 0 : now - this.lastPollAt;
    const spaced = Math.max(backoff, REQUEST_SPACING_MS * this.requests) - since;
    const retry = this.retryAt === null ? 0 : this.retryAt - now;
    return Math.max(250, Math.ceil(Math.max(spaced, retry)));
  }

  /** When the next poll is due, for the status line. */
  nextAt(now: number): number {
    return now + this.nextDelay(now);
  }

  /** Whether every check since the last change failed: a watch that stops now stops for its failures, not for quiet. */
  onlyFailedSinceChange(): boolean {
    return !this.checkedQuietly;
  }

  /** Whether watching should stop: nothing changed for long enough. */
  shouldStop(now: number, anyInProgress: boolean): boolean {
    return now - this.lastChangeAt >= (anyInProgress ? IDLE_STOP_MS : QUIET_STOP_MS);
  }
}
