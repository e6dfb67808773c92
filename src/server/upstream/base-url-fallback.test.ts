import { describe, expect, it } from 'vitest';
import { createApiApp } from '../routes/api-routes.ts';
import { dashScopeSource } from '../sources/sources.ts';

const LIST = { object: 'list', data: [{ id: 'msg_1', type: 'message' }], first_id: 'msg_1', last_id: 'msg_1', has_more: false };
const ITEMS = '/api/sources/dashscope-intl/conversations/conv_abc/items';

/** A DashScope stand-in that serves the API under one path only and answers 404 elsewhere. */
function setup(servedPath: string | null) {
  const urls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    urls.push(url);
    const served = servedPath !== null && new URL(url).pathname.startsWith(`${servedPath}/conversations/`);
    return served
      ? Response.json(LIST)
      : Response.json({ code: 'NotFound', message: 'Conversation not found.', request_id: 'r' }, { status: 404 });
  }) as typeof globalThis.fetch;
  const app = createApiApp({ sources: [dashScopeSource('intl', 'ds-key')], fetch });
  return { urls, request: (path: string) => app.request(path) };
}

const paths = (urls: string[]) => urls.map((url) => new URL(url).pathname.replace('/conversations/conv_abc/items', ''));

describe('the DashScope path fallback', () => {
  it('asks the current path first, and only that while it works', async () => {
    const { urls, request } = setup('/compatible-mode/v1');
    expect((await request(ITEMS)).status).toBe(200);
    expect((await request(ITEMS)).status).toBe(200);
    expect(paths(urls)).toEqual(['/compatible-mode/v1', '/compatible-mode/v1']);
  });

  it('falls back once to the legacy path on a 404, and remembers it', async () => {
    const { urls, request } = setup('/api/v2/apps/protocols/compatible-mode/v1');
    expect((await request(ITEMS)).status).toBe(200);
    expect((await request(ITEMS)).status).toBe(200);
    await request('/api/sources/dashscope-intl/conversations/conv_abc');
    expect(paths(urls)).toEqual([
      '/compatible-mode/v1',
      '/api/v2/apps/protocols/compatible-mode/v1',
      '/api/v2/apps/protocols/compatible-mode/v1',
      '/api/v2/apps/protocols/compatible-mode/v1/conversations/conv_abc',
    ]);
  });

  it('answers the first 404 when both paths answer 404 (a conversation that does not exist), and decides nothing', async () => {
    const { urls, request } = setup(null);
    const response = await request(ITEMS);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { message: 'Conversation not found.', code: 'NotFound', type: 'invalid_request_error' } });
    await request(ITEMS);
    expect(paths(urls)).toEqual(['/compatible-mode/v1', '/api/v2/apps/protocols/compatible-mode/v1', '/compatible-mode/v1', '/api/v2/apps/protocols/compatible-mode/v1']);
  });
});
