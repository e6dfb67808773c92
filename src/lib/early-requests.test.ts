import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchOrTakeEarly, startEarly, takeEarly, UNCLAIMED_MS } from './early-requests';

/** A fetch that answers each call with a new response naming the path, and can be told its signal aborted. */
function stubFetch() {
  const calls: { path: string; init: RequestInit | undefined }[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    calls.push({ path: String(input), init });
    return new Response(`answer ${calls.length}`);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('early requests', () => {
  it('hands a started request to the first fetch of its path, once, without asking again', async () => {
    const calls = stubFetch();
    startEarly('/api/a', 'application/x-ndjson');
    startEarly('/api/a', 'application/x-ndjson');
    expect(calls).toHaveLength(1);
    expect(new Headers(calls[0].init?.headers).get('accept')).toBe('application/x-ndjson');

    const first = await fetchOrTakeEarly('/api/a', {});
    expect(await first.text()).toBe('answer 1');
    expect(calls).toHaveLength(1);

    // Taken once: the next fetch of the path is a request of its own.
    const second = await fetchOrTakeEarly('/api/a', {});
    expect(await second.text()).toBe('answer 2');
    expect(takeEarly('/api/a')).toBeNull();
  });

  it('leaves other paths alone', async () => {
    const calls = stubFetch();
    startEarly('/api/a?x=1', 'application/json');
    expect(takeEarly('/api/a')).toBeNull();
    await fetchOrTakeEarly('/api/b', {});
    expect(calls.map((call) => call.path)).toEqual(['/api/a?x=1', '/api/b']);
    expect(takeEarly('/api/a?x=1')).not.toBeNull();
  });

  it("aborts the early request when the taker's signal aborts", () => {
    const calls = stubFetch();
    startEarly('/api/c', 'application/json');
    const taker = new AbortController();
    void takeEarly('/api/c', taker.signal);
    const early = calls[0].init?.signal;
    expect(early?.aborted).toBe(false);
    taker.abort();
    expect(early?.aborted).toBe(true);
  });

  it('aborts at once when taken with a signal that has already aborted', () => {
    const calls = stubFetch();
    startEarly('/api/d', 'application/json');
    const taker = new AbortController();
    taker.abort();
    void takeEarly('/api/d', taker.signal);
    expect(calls[0].init?.signal?.aborted).toBe(true);
  });

  it('aborts a request nobody took, so it does not hold the server', () => {
    vi.useFakeTimers();
    const calls = stubFetch();
    startEarly('/api/e', 'application/json');
    vi.advanceTimersByTime(UNCLAIMED_MS - 1);
    expect(calls[0].init?.signal?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(calls[0].init?.signal?.aborted).toBe(true);
    expect(takeEarly('/api/e')).toBeNull();
  });

  it('keeps a taken request open past the unclaimed time', () => {
    vi.useFakeTimers();
    const calls = stubFetch();
    startEarly('/api/f', 'application/json');
    void takeEarly('/api/f');
    vi.advanceTimersByTime(UNCLAIMED_MS * 2);
    expect(calls[0].init?.signal?.aborted).toBe(false);
  });
});
