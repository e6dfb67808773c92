import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchOrTakeEarly, RETAKE_MS, startEarly, takeEarly, UNCLAIMED_MS } from './early-requests';

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

  it("aborts the early request, body and all, when the taker's signal aborts after it answered", async () => {
    const calls = stubFetch();
    startEarly('/api/c', 'application/json');
    const taker = new AbortController();
    await takeEarly('/api/c', taker.signal);
    const early = calls[0].init?.signal;
    expect(early?.aborted).toBe(false);
    taker.abort();
    expect(early?.aborted).toBe(true);
  });

  it('leaves a request its taker gave up before it answered to the next fetch of the path, for a moment', async () => {
    vi.useFakeTimers();
    const answers: ((response: Response) => void)[] = [];
    const calls: (RequestInit | undefined)[] = [];
    vi.stubGlobal('fetch', vi.fn<typeof fetch>((_input, init) => (calls.push(init), new Promise((resolve) => answers.push(resolve)))));
    startEarly('/api/d', 'application/json');

    // React's StrictMode: the first mount takes the request and its unmount gives it up; the second mount takes it.
    const first = new AbortController();
    const firstTake = takeEarly('/api/d', first.signal);
    first.abort();
    await expect(firstTake).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.signal?.aborted).toBe(false);
    const second = takeEarly('/api/d', new AbortController().signal);
    expect(second).not.toBeNull();
    answers[0](new Response('the answer'));
    expect(await (await second!).text()).toBe('the answer');
    expect(calls).toHaveLength(1);

    // Taken with a signal that had already aborted: the same, and nobody taking it again aborts it soon.
    startEarly('/api/e', 'application/json');
    const gone = new AbortController();
    gone.abort();
    await expect(takeEarly('/api/e', gone.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[1]?.signal?.aborted).toBe(false);
    vi.advanceTimersByTime(RETAKE_MS);
    expect(calls[1]?.signal?.aborted).toBe(true);
    expect(takeEarly('/api/e')).toBeNull();
  });

  it('aborts a request nobody took, so it does not hold the server', () => {
    vi.useFakeTimers();
    const calls = stubFetch();
    startEarly('/api/g', 'application/json');
    vi.advanceTimersByTime(UNCLAIMED_MS - 1);
    expect(calls[0].init?.signal?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(calls[0].init?.signal?.aborted).toBe(true);
    expect(takeEarly('/api/g')).toBeNull();
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
