// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { conversationQueryOptions } from '../features/transcript/api/get-conversation';
import { itemStreamQueryOptions } from '../features/transcript/api/stream-items';
import { startPageRequests } from './early-page-requests';

afterEach(() => vi.unstubAllGlobals());

/** A fetch that answers after 20 ms (or fails with its signal's reason), recording each request and its signal. */
function stubFetch() {
  const calls: { path: string; signal: AbortSignal | null | undefined }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo, init?: RequestInit) => {
      const path = String(input);
      calls.push({ path, signal: init?.signal });
      return new Promise<Response>((resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        setTimeout(() => {
          resolve(
            path.endsWith('/stream')
              ? new Response('{"type":"items","end":"head","items":[{"id":"msg_1","type":"message","role":"user","content":[]}]}\n{"type":"done"}\n')
              : new Response('{"id":"conv_abc","object":"conversation","created_at":1,"metadata":{}}', { headers: { 'content-type': 'application/json' } }),
          );
        }, 20);
      });
    }),
  );
  return calls;
}

function Page() {
  const conversation = useQuery(conversationQueryOptions('demo', 'conv_abc'));
  const items = useQuery(itemStreamQueryOptions('demo', 'conv_abc'));
  return <p>{`${conversation.data ? 'conversation' : ''} ${items.data?.complete ? 'items' : ''}`}</p>;
}

it("a page in React's StrictMode (mounted, unmounted and mounted again) takes the early requests, asking for nothing twice", async () => {
  const calls = stubFetch();
  startPageRequests({ pathname: '/c/conv_abc', search: '?source=demo' });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <Page />
      </QueryClientProvider>
    </StrictMode>,
  );
  await waitFor(() => expect(view.container.textContent).toBe('conversation items'));
  expect(calls.map((call) => [call.path, call.signal?.aborted])).toEqual([
    ['/api/sources/demo/conversations/conv_abc/stream', false],
    ['/api/sources/demo/conversations/conv_abc', false],
  ]);
});
