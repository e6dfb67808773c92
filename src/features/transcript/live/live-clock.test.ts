import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { IDLE_STOP_MS, LiveClock, MAX_DELAY_MS, MIN_DELAY_MS, QUIET_STOP_MS, REQUEST_SPACING_MS } from './live-clock';

describe('LiveClock', () => {
  it('backs off from 3 s to 30 s while nothing changes, and starts over on a change', () => {
    const clock = new LiveClock(0);
    const delays: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i += 1) {
      clock.succeeded(now, { changed: false, requests: 1 });
      delays.push(clock.nextDelay(now));
      now += delays.at(-1)!;
    }
    expect(delays).toEqual([6_000, 12_000, 24_000, MAX_DELAY_MS, MAX_DELAY_MS, MAX_DELAY_MS]);
    clock.succeeded(now, { changed: true, requests: 1 });
    expect(clock.nextDelay(now)).toBe(MIN_DELAY_MS);
  });

  it('counts time already waited, so re-reading the delay does not push the poll back', () => {
    const clock = new LiveClock(0);
    clock.succeeded(0, { changed: true, requests: 1 });
    expect(clock.nextDelay(2_000)).toBe(1_000);
  });

  it('spends at most one upstream request per spacing interval', () => {
    const clock = new LiveClock(0);
    clock.succeeded(0, { changed: true, requests: 4 });
    expect(clock.nextDelay(0)).toBe(4 * REQUEST_SPACING_MS);
  });

  it('honours Retry-After on a 429, a return to the tab included', () => {
    const clock = new LiveClock(0);
    clock.failed(1_000, new ApiError('slow down', { status: 429, retryAfterSeconds: 90 }));
    expect(clock.nextDelay(1_000)).toBe(90_000);
    expect(clock.mayPoll(60_000)).toBe(false);
    expect(clock.mayPoll(91_000)).toBe(true);
  });

  it('stops after a quiet period, later while an item is in progress', () => {
    const clock = new LiveClock(0);
    expect(clock.shouldStop(QUIET_STOP_MS - 1, false)).toBe(false);
    expect(clock.shouldStop(QUIET_STOP_MS, false)).toBe(true);
    expect(clock.shouldStop(QUIET_STOP_MS, true)).toBe(false);
    expect(clock.shouldStop(IDLE_STOP_MS, true)).toBe(true);
    clock.restart(IDLE_STOP_MS);
    expect(clock.shouldStop(IDLE_STOP_MS + 1, false)).toBe(false);
  });

  it('does not count time the tab was hidden as quiet time', () => {
    const clock = new LiveClock(0);
    clock.succeeded(10_000, { changed: false, requests: 1 });
    clock.succeeded(10_000 + QUIET_STOP_MS, { changed: false, requests: 1 });
    expect(clock.shouldStop(10_000 + QUIET_STOP_MS, false)).toBe(false);
  });

  it('does not stop at the first failed check after the tab was hidden for longer than the quiet period', () => {
    const clock = new LiveClock(0);
    clock.succeeded(10_000, { changed: false, requests: 1 });
    // Back after a long pause, the network not yet up again: one check failed, not minutes of them.
    clock.failed(10_000 + QUIET_STOP_MS, new ApiError('The viewer server could not be reached.', { status: 0 }));
    expect(clock.shouldStop(10_000 + QUIET_STOP_MS, false)).toBe(false);
  });

  it('stops after the quiet period while a source keeps asking to wait longer than a pause, rather than watching for ever', () => {
    const clock = new LiveClock(0);
    let now = 0;
    while (!clock.shouldStop(now, false) && now < 60 * 60_000) {
      clock.failed(now, new ApiError('Rate limited', { status: 429, retryAfterSeconds: 90 }));
      now = clock.nextAt(now) + 500;
    }
    expect(clock.shouldStop(now, false)).toBe(true);
    expect(now).toBeLessThan(QUIET_STOP_MS + 2 * 90_000);
  });
});
