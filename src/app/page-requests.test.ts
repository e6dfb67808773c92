import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeEarly } from '../lib/early-requests';
import { startPageRequests } from './page-requests';

const ID = 'conv_68f2a91c4be08190b3d5e27a61c40f9d';

afterEach(() => vi.unstubAllGlobals());

describe('startPageRequests', () => {
  it('starts a transcript link’s item stream when the link names its source, as streamItems asks for it', () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(''));
    vi.stubGlobal('fetch', fetch);
    startPageRequests({ pathname: `/c/${ID}`, search: '?source=demo&order=desc' });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe(`/api/sources/demo/conversations/${ID}/stream`);
    expect(init?.headers).toEqual({ accept: 'application/x-ndjson' });
    expect(takeEarly(`/api/sources/demo/conversations/${ID}/stream`, new AbortController().signal)).not.toBeNull();
  });

  it('starts nothing for other pages, a link without a source, or an ID that is not one', () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(''));
    vi.stubGlobal('fetch', fetch);
    startPageRequests({ pathname: '/', search: '?source=demo' });
    startPageRequests({ pathname: `/s/${ID}`, search: '?source=demo' });
    startPageRequests({ pathname: `/c/${ID}`, search: '' });
    startPageRequests({ pathname: '/c/not-an-id', search: '?source=demo' });
    expect(fetch).not.toHaveBeenCalled();
  });
});
