import { Hono } from 'hono';
import { createApiApp } from '../routes/api-routes.ts';
import { listen } from '../http/listen.ts';
import type { Source } from '../sources/sources.ts';

/**
 * A loopback OpenAI-like upstream that records the headers it is sent and counts the hits per conversation:
 * `conv_always_fails` is a deterministic 500 with `x-should-retry: false`; `conv_fails_once…` fails its first hit
 * with `retry-after-ms: 300` (and a `retry-after` of 30 s, so only the former lets a client come back in time);
 * `conv_dashscope_error` is a DashScope error with its request id in the body alone; any other ID answers.
 */
export async function startRecordingUpstream() {
  const seen: Headers[] = [];
  const hits = new Map<string, number[]>();
  const upstream = new Hono();
  upstream.get('/v1/conversations/:id', (c) => {
    const id = c.req.param('id');
    seen.push(new Headers(c.req.raw.headers));
    const times = [...(hits.get(id) ?? []), performance.now()];
    hits.set(id, times);
    const serverError = (headers: Record<string, string>) =>
      c.json({ error: { message: 'The server had an error while processing your request.', type: 'server_error', code: null, param: null } }, 500, headers);
    if (id === 'conv_always_fails') return serverError({ 'x-should-retry': 'false', 'x-request-id': 'req_final' });
    if (id.startsWith('conv_fails_once') && times.length === 1) return serverError({ 'retry-after-ms': '300', 'retry-after': '30' });
    if (id === 'conv_dashscope_error') {
      return c.json({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key', param: null }, request_id: 'ds-7c1f0a2e' }, 401);
    }
    return c.json({ id, object: 'conversation', created_at: 1_700_000_000, metadata: {} }, 200, { 'x-request-id': 'req_upstream' });
  });
  const server = await listen(upstream.fetch, '127.0.0.1', 0);
  return { baseUrl: `${server.url}/v1`, seen, hits, close: server.close };
}

/**
 * The viewer in front of a recording upstream: `openai` (with its own organization and project) and `dashscope-us`
 * sources, both reading from it.
 */
export async function startRecordedViewer() {
  const upstream = await startRecordingUpstream();
  const sources: Source[] = [
    { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: 'sk-viewer', organization: 'org-viewer', project: 'proj_viewer' },
    { id: 'dashscope-us', label: 'DashScope (Virginia)', kind: 'dashscope', baseUrl: upstream.baseUrl, apiKey: 'sk-ds' },
  ];
  const viewer = await listen(createApiApp({ sources }).fetch, '127.0.0.1', 0);
  return {
    url: viewer.url,
    upstream,
    close: async () => {
      await viewer.close();
      await upstream.close();
    },
  };
}
