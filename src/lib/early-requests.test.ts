import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarly, takeEarly } from './early-requests';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A fetch that answers only when aborted (with the abort), and records the signals it was given. */
function stubFetch() {
  const signals: AbortSignal[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (_path, init) => {
    const signal = init?.signal as AbortSignal;
    signals.push(signal);
    return new Response('ok');
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, signals };
}

describe('early requests', () => {
  it('is taken once, by the same path, and the taker can abort it', async () => {
    const { fetch, signals } = stubFetch();
    startEarly('/api/a', { headers: { accept: 'application/x-ndjson' } });
    startEarly('/api/a');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(takeEarly('/api/b', new AbortController().signal)).toBeNull();
    const taker = new AbortController();
    const response = takeEarly('/api/a', taker.signal);
    expect(await (await response)?.text()).toBe('ok');
    expect(takeEarly('/api/a', new AbortController().signal)).toBeNull();
    expect(signals[0].aborted).toBe(false);
    taker.abort();
    expect(signals[0].aborted).toBe(true);
  });

  it('is aborted when nobody takes it', () => {
    vi.useFakeTimers();
    const { signals } = stubFetch();
    startEarly('/api/never-taken');
    vi.advanceTimersByTime(20_000);
    expect(signals[0].aborted).toBe(true);
    expect(takeEarly('/api/never-taken', new AbortController().signal)).toBeNull();
  });
});
