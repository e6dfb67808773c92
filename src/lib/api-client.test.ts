import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson, sendJson } from './api-client';
import { ApiError } from './api-error';
import { startEarly } from './early-requests';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(answer: () => Response) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => answer());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('getJson', () => {
  it('takes the GET the page started early for the same path, and asks only once', async () => {
    const fetch = stubFetch(() => Response.json({ id: 'conv_1' }));
    startEarly('/api/sources/demo/conversations/conv_1', 'application/json');
    expect(await getJson('/api/sources/demo/conversations/conv_1')).toEqual({ id: 'conv_1' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await getJson('/api/sources/demo/conversations/conv_1')).toEqual({ id: 'conv_1' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('turns an early request that could not reach the server into the same message as its own would', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof globalThis.fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))));
    startEarly('/api/sources/demo/conversations/conv_2', 'application/json');
    const error = await getJson('/api/sources/demo/conversations/conv_2').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network_error');
  });

  it('never hands an early GET to a POST of the same path', async () => {
    const fetch = stubFetch(() => Response.json({ ok: true }));
    startEarly('/api/snapshots', 'application/json');
    await sendJson('POST', '/api/snapshots', { a: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1][1]?.method).toBe('POST');
    await getJson('/api/snapshots');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
