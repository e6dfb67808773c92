import { describe, expect, it } from 'vitest';
import { createApiApp } from './api-routes.ts';
import { demoExamplesAnswerShape, itemPageShape, sourcesAnswerShape } from '../../shared/contract/shapes.ts';
import type { Source } from '../sources/sources.ts';

const demo: Source = { id: 'demo', label: 'Demo', kind: 'demo', baseUrl: 'http://upstream.test/v1', apiKey: 'k' };
const openai: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk' };

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...init.headers } });

const LIST = { object: 'list', data: [{ id: 'msg_1', type: 'message' }], first_id: 'msg_1', last_id: 'msg_1', has_more: false };

function setup(answer: () => Response | Promise<Response> = () => json(LIST), sources: Source[] = [demo]) {
  const calls: { url: string; headers: Headers }[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return answer();
  }) as typeof fetch;
  const app = createApiApp({ sources, fetch: fakeFetch });
  return { calls, request: (path: string, init?: RequestInit) => app.request(path, init) };
}

const ITEMS = '/api/sources/demo/conversations/conv_abc/items';

describe('API server', () => {
  it('answers the health check', async () => {
    expect((await setup().request('/healthz')).status).toBe(200);
  });

  it('lists sources without keys or upstream URLs', async () => {
    const response = await setup(undefined, [demo, openai]).request('/api/sources');
    const body = (await response.json()) as { sources: unknown[]; defaultSource: string };
    expect(body.sources).toEqual([
      { id: 'demo', label: 'Demo', kind: 'demo' },
      { id: 'openai', label: 'OpenAI', kind: 'openai' },
    ]);
    expect(body.defaultSource).toBe('demo');
    expect(JSON.stringify(body)).not.toMatch(/upstream\.test|openai\.test|"sk"|"k"/);
  });

  it('lists the demo conversations on their own, for the home page, not in the sources every page reads', async () => {
    const examples = [{ id: 'conv_demo_1', title: 'A demo', description: 'One to try.', itemCount: 3 }];
    const withDemo = createApiApp({ sources: [demo, openai], demoExamples: examples });
    expect(demoExamplesAnswerShape.parse(await (await withDemo.request('/api/demo-examples')).json())).toEqual({ examples });
    expect(await (await withDemo.request('/api/sources')).text()).not.toContain('conv_demo_1');
    // The demo hidden (VIEWER_DEMO=off): none to offer.
    const withoutDemo = createApiApp({ sources: [openai], demoExamples: examples });
    expect(await (await withoutDemo.request('/api/demo-examples')).json()).toEqual({ examples: [] });
    expect((await withDemo.request('/api/demo-examples', { method: 'POST' })).status).toBe(405);
  });

  it('answers in the shapes of the shared contract, which the browser reads', async () => {
    const { request } = setup(() => json({ data: [{ id: 'msg_1', type: 'message' }] }), [demo, openai]);
    expect(sourcesAnswerShape.safeParse(await (await request('/api/sources')).json()).success).toBe(true);
    // An upstream page without cursors is answered with them, as the contract's page says.
    const page = itemPageShape.parse(await (await request(ITEMS)).json());
    expect(page).toMatchObject({ object: 'list', first_id: 'msg_1', last_id: 'msg_1', has_more: false });
  });
});

describe('proxy forwarding', () => {
  it('forwards only limit, order and after, with the source key', async () => {
    const { calls, request } = setup();
    const response = await request(`${ITEMS}?limit=05&order=asc&after=msg_0&foo=bar&before=msg_9&item_type=message`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(LIST);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('http://upstream.test/v1/conversations/conv_abc/items?limit=5&order=asc&after=msg_0');
    expect(calls[0].headers.get('authorization')).toBe('Bearer k');
  });

  it('forwards include values only to OpenAI', async () => {
    const { calls, request } = setup(undefined, [demo, openai]);
    await request('/api/sources/openai/conversations/conv_abc/items?include=reasoning.encrypted_content&include[]=message.output_text.logprobs');
    const url = new URL(calls[0].url);
    expect(url.origin + url.pathname).toBe('http://openai.test/v1/conversations/conv_abc/items');
    expect(url.searchParams.getAll('include[]')).toEqual(['reasoning.encrypted_content', 'message.output_text.logprobs']);
    expect([...url.searchParams.keys()]).toEqual(['include[]', 'include[]']);
    expect(calls[0].headers.get('authorization')).toBe('Bearer sk');
  });

  it('drops include on the conversation, whose endpoint takes no query, as it drops any unknown parameter', async () => {
    const { calls, request } = setup(() => json({ id: 'conv_abc', object: 'conversation', created_at: 1, metadata: {} }), [openai]);
    for (const query of ['include[]=reasoning.encrypted_content', 'include=bogus']) {
      const response = await request(`/api/sources/openai/conversations/conv_abc?${query}`);
      expect(response.status).toBe(200);
    }
    expect(calls.map((call) => call.url)).toEqual(Array(2).fill('http://openai.test/v1/conversations/conv_abc'));
  });

  it("answers 400 for include where the provider does not document it, instead of dropping it", async () => {
    const dashscope: Source = { id: 'dashscope-intl', label: 'DashScope (Singapore)', kind: 'dashscope', baseUrl: 'http://dashscope.test/v1', apiKey: 'k' };
    const { calls, request } = setup(undefined, [dashscope]);
    for (const path of ['/api/sources/dashscope-intl/conversations/conv_abc/items?include[]=reasoning.encrypted_content', '/api/sources/dashscope-intl/conversations/conv_abc/items/msg_1?include=message.output_text.logprobs']) {
      const response = await request(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { type: 'invalid_request_error', code: 'unsupported_parameter', param: 'include', message: expect.stringContaining("DashScope (Singapore) does not document 'include'") },
      });
    }
    expect(calls).toHaveLength(0);
    expect((await request('/api/sources/dashscope-intl/conversations/conv_abc/items')).status).toBe(200);
  });

  it('forwards include to Azure AI Foundry, which documents it', async () => {
    const azure: Source = { id: 'azure', label: 'Azure', kind: 'azure', baseUrl: 'http://azure.test/openai/v1', apiKey: 'az', authHeader: 'api-key', acceptsInclude: true };
    const { calls, request } = setup(undefined, [azure]);
    expect((await request('/api/sources/azure/conversations/conv_abc/items?include[]=reasoning.encrypted_content')).status).toBe(200);
    expect(new URL(calls[0].url).searchParams.getAll('include[]')).toEqual(['reasoning.encrypted_content']);
  });

  it('answers 400 for an unknown include value, as OpenAI does, whatever the source', async () => {
    const { calls, request } = setup(undefined, [demo, openai]);
    for (const path of ['/api/sources/openai/conversations/conv_abc/items?include[]=bogus', `${ITEMS}?include=reasoning.encrypted_content&include=bogus`, `${ITEMS}/msg_1?include[]=bogus`]) {
      const response = await request(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { type: 'invalid_request_error', code: 'invalid_value', param: 'include', message: expect.stringMatching(/^Invalid value: 'bogus'\. Supported values are: 'file_search_call\.results'/) },
      });
    }
    expect(calls).toHaveLength(0);
  });

  it('sends before and item_type to a provider that documents them (Azure AI Foundry), and its key in api-key', async () => {
    const azure: Source = { id: 'azure', label: 'Azure', kind: 'azure', baseUrl: 'http://azure.test/openai/v1', apiKey: 'az-key', authHeader: 'api-key', extraListParams: ['before', 'item_type'] };
    const { calls, request } = setup(undefined, [azure]);
    expect((await request('/api/sources/azure/conversations/conv_abc/items?before=msg_9&item_type=function_call&limit=5')).status).toBe(200);
    expect(calls[0].url).toBe('http://azure.test/openai/v1/conversations/conv_abc/items?limit=5&before=msg_9&item_type=function_call');
    expect(calls[0].headers.get('api-key')).toBe('az-key');
    expect(calls[0].headers.get('authorization')).toBeNull();
    const bad = await request('/api/sources/azure/conversations/conv_abc/items?item_type=Message%0A');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { param: 'item_type' } });
  });

  it('forwards a single item request without list parameters', async () => {
    const { calls, request } = setup(() => json({ id: 'msg_1', type: 'message' }));
    const response = await request(`${ITEMS}/msg_1?limit=5&order=asc`);
    expect(await response.json()).toEqual({ id: 'msg_1', type: 'message' });
    expect(calls[0].url).toBe('http://upstream.test/v1/conversations/conv_abc/items/msg_1');
  });

  it.each([
    ['/api/sources/demo/conversations/conv_a.b/items', 'conversation_id'],
    ['/api/sources/demo/conversations/conv_a%2Fb/items', 'conversation_id'],
    ['/api/sources/demo/conversations/abc', 'conversation_id'],
    [`${ITEMS}/msg.1`, 'item_id'],
    [`${ITEMS}/msg%2F..`, 'item_id'],
    [`${ITEMS}?limit=0`, 'limit'],
    [`${ITEMS}?limit=101`, 'limit'],
    [`${ITEMS}?limit=ten`, 'limit'],
    [`${ITEMS}?order=newest`, 'order'],
    [`${ITEMS}?after=msg%201`, 'after'],
    [`${ITEMS}?after=../x`, 'after'],
  ])('rejects %s before going upstream', async (path, param) => {
    const { calls, request } = setup();
    const response = await request(path);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', param } });
    expect(calls).toHaveLength(0);
  });

  it('explains a known source that is not configured', async () => {
    const { calls, request } = setup();
    const response = await request('/api/sources/openai/conversations/conv_abc/items');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'source_not_configured', message: expect.stringContaining('OPENAI_API_KEY') } });
    expect(calls).toHaveLength(0);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('answers 404 for the source name %s, never "undefined"', async (name) => {
    const response = await setup().request(`/api/sources/${name}/conversations/conv_abc/items`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unknown_source');
    expect(body.error.message).not.toContain('undefined');
  });

  it('has no list of conversations: GET /conversations is a 404, not a refused write', async () => {
    const response = await setup().request('/api/sources/demo/conversations');
    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
  });

  it('refuses an unknown or unconfigured source with the same error on every route, naming the source as its param', async () => {
    const { request } = setup();
    for (const [source, status, code] of [['nope', 404, 'unknown_source'], ['openai', 400, 'source_not_configured']] as const) {
      const base = `/api/sources/${source}/conversations/conv_abc`;
      const answers = await Promise.all([base, `${base}/items`, `${base}/items/msg_1`, `${base}/stream`, `${base}/export?format=json`].map((path) => request(path)));
      const bodies = await Promise.all(answers.map((answer) => answer.json()));
      expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(status));
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      expect(bodies[0].error).toMatchObject({ code, type: 'invalid_request_error', param: 'source' });
    }
  });

  it('answers 404 for an unknown source', async () => {
    const response = await setup().request('/api/sources/nope/conversations/conv_abc/items');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'unknown_source' } });
  });

  it.each(['POST', 'DELETE', 'PUT', 'PATCH'])('refuses %s as a write, creating a conversation included', async (method) => {
    const { calls, request } = setup();
    for (const path of ['/api/sources/demo/conversations', '/api/sources/nope/conversations', '/api/sources/demo/conversations/conv_abc', ITEMS, `${ITEMS}/msg_1`]) {
      const response = await request(path, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    }
    expect(calls).toHaveLength(0);
  });
});

describe('proxy upstream failures', () => {
  it('passes an OpenAI error through with its status', async () => {
    const { request } = setup(() =>
      json({ error: { message: 'Conversation not found', type: 'invalid_request_error', code: null } }, { status: 404, headers: { 'x-request-id': 'req_1' } }),
    );
    const response = await request(ITEMS);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.headers.get('x-viewer-request-id')).toMatch(/^vreq_[0-9a-f]{32}$/);
    expect(await response.json()).toEqual({ error: { message: 'Conversation not found', type: 'invalid_request_error', code: null, param: null } });
  });

  it("normalises DashScope's native error shape", async () => {
    const { request } = setup(() => json({ code: 'InvalidApiKey', message: 'Invalid API-key provided.', request_id: 'r1' }, { status: 401 }));
    const response = await request(ITEMS);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { message: 'Invalid API-key provided.', type: 'authentication_error', code: 'InvalidApiKey', param: null }, request_id: 'r1' });
    // Its request id is in the body alone: the header carries it too, where the SDKs look.
    expect(response.headers.get('x-request-id')).toBe('r1');
  });

  it.each([
    [404, 'invalid_request_error'],
    [403, 'permission_error'],
    [429, 'rate_limit_error'],
    [503, 'server_error'],
  ])('gives an error without a type (an HTML page with status %i) the type OpenAI would use', async (status, type) => {
    const response = await setup(() => new Response('<html><body>Gateway says no</body></html>', { status, headers: { 'content-type': 'text/html' } })).request(ITEMS);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { type, message: expect.stringContaining('Gateway says no') } });
  });

  it('tells the SDKs not to retry a 502 or an exhausted quota that would come back the same', async () => {
    const html = await setup(() => new Response('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } })).request(ITEMS);
    expect(html.headers.get('x-should-retry')).toBe('false');
    const malformed = await setup(() => json({ data: 'x' })).request(ITEMS);
    expect(malformed.headers.get('x-should-retry')).toBe('false');
    const quota = await setup(() => json({ error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, { status: 429 })).request(ITEMS);
    expect(quota.headers.get('x-should-retry')).toBe('false');
    const unreachable = await setup(() => Promise.reject(new TypeError('fetch failed'))).request(ITEMS);
    expect(unreachable.headers.get('x-should-retry')).toBeNull();
  });

  it('keeps Retry-After on a 429', async () => {
    const { request } = setup(() => json({ error: { message: 'Rate limit reached', type: 'requests' } }, { status: 429, headers: { 'retry-after': '12' } }));
    const response = await request(ITEMS);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('12');
    expect(await response.json()).toMatchObject({ error: { message: 'Rate limit reached' } });
    // A fraction of seconds, as some providers send it, is passed on too.
    const fraction = await setup(() => json({ error: { message: 'Rate limit reached', type: 'requests' } }, { status: 429, headers: { 'retry-after': '1.5' } })).request(ITEMS);
    expect(fraction.headers.get('retry-after')).toBe('1.5');
  });

  it('answers 502 when a 200 is an HTML page', async () => {
    const { request } = setup(() => new Response('<html><body>Sign in</body></html>', { headers: { 'content-type': 'text/html' } }));
    const response = await request(ITEMS);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_not_json', message: expect.stringContaining('an HTML page') } });
  });

  it.each([
    ['a list whose data is not an array', ITEMS, { data: 'x' }, 'data'],
    ['a list item without a type', ITEMS, { data: [{ id: 'msg_1' }] }, 'data[0].type'],
    ['a list item whose id is not a string', ITEMS, { data: [{ id: 7, type: 'message' }] }, 'data[0].id'],
    ['an item without a type', `${ITEMS}/msg_1`, { id: 'msg_1' }, 'type'],
    ['a conversation without an id', '/api/sources/demo/conversations/conv_abc', { object: 'conversation' }, 'id'],
  ])('answers 502 for %s, naming the field', async (_, path, body, field) => {
    const response = await setup(() => json(body)).request(path);
    expect(response.status).toBe(502);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('upstream_malformed');
    expect(error.message).toContain(`(${field}:`);
  });

  it('passes items without an id (custom tool calls may have none) and every other field through untouched', async () => {
    const text = '{"object":"list","data":[{"type":"custom_tool_call","call_id":"c1","name":"grep","input":"x","__proto__":{"admin":true},"constructor":"c"},{"type":"custom_tool_call_output","call_id":"c1","output":"ok"},{"id":"msg_3","type":"message","extra":{"__proto__":1}}],"first_id":null,"last_id":"msg_3","has_more":false}';
    const response = await setup(() => new Response(text, { headers: { 'content-type': 'application/json' } })).request(ITEMS);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(text);
    const single = '{"type":"custom_tool_call_output","call_id":"c1","output":"ok","__proto__":{"x":1}}';
    const one = await setup(() => new Response(single, { headers: { 'content-type': 'application/json' } })).request(`${ITEMS}/ctco_1`);
    expect(await one.text()).toBe(single);
  });

  it('fills in first_id, last_id and has_more when a list omits them', async () => {
    const data = [
      { id: 'msg_1', type: 'message' },
      { id: 'msg_2', type: 'message' },
    ];
    const response = await setup(() => json({ data })).request(ITEMS);
    expect(await response.json()).toEqual({ object: 'list', data, first_id: 'msg_1', last_id: 'msg_2', has_more: false });
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const response = await setup(() => Promise.reject(new TypeError('fetch failed'))).request(ITEMS);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_unreachable', type: 'upstream_error' } });
  });

  it('answers 504 when the upstream times out', async () => {
    const response = await setup(() => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'))).request(ITEMS);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_timeout', message: expect.stringContaining('Demo') } });
  });
});

describe('the key never comes back in an error', () => {
  const KEY = 'sk-test-SECRETKEY-123456';
  const secret: Source = { ...openai, apiKey: KEY };

  it.each([
    ['OpenAI shape, key in every field', { error: { message: `bad key ${KEY}`, type: KEY, code: KEY, param: KEY } }],
    ['DashScope native shape', { code: KEY, message: `Invalid key ${KEY}`, request_id: 'r1' }],
  ])('%s', async (_name, body) => {
    const { request } = setup(() => json(body, { status: 401 }), [secret]);
    const response = await request('/api/sources/openai/conversations/conv_abc/items');
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(KEY);
  });

  it.each([
    ['the key itself', KEY],
    ['a value containing the key', `req-${KEY}`],
    ['another key-shaped value', 'sk-proj-Abcdefghijklmnop1234'],
    ['a DashScope-shaped key', 'sk-0123456789abcdef0123456789abcdef'],
  ])('nor as a request id: %s is left out', async (_name, id) => {
    const { request } = setup(() => json(LIST, { headers: { 'x-request-id': id } }), [secret]);
    const response = await request('/api/sources/openai/conversations/conv_abc/items');
    expect(response.status).toBe(200);
    // The viewer's own id stands in.
    expect(response.headers.get('x-request-id')).toBe(response.headers.get('x-viewer-request-id'));
    expect([...response.headers.values()].join(' ')).not.toContain(id);
  });

  it('a request id of an ordinary shape is passed on', async () => {
    for (const id of ['req_2f8f1d3c5d6d4c7d9b1e8f2a3c4d5e6f', '7f3c1c5e-8a5b-4c4e-9a5d-2e1f3b6c7d8e']) {
      const response = await setup(() => json(LIST, { headers: { 'x-request-id': id } }), [secret]).request('/api/sources/openai/conversations/conv_abc/items');
      expect(response.headers.get('x-request-id')).toBe(id);
    }
  });

  it.each([
    ['as it is', KEY],
    ['in lower case', KEY.toLowerCase()],
    ['URL-encoded', encodeURIComponent(`k=${KEY}`)],
    ['in base64', Buffer.from(`user:${KEY}`).toString('base64')],
  ])('nor in a successful answer that quotes it %s', async (_name, form) => {
    const item = { id: 'msg_1', type: 'message', content: [{ type: 'output_text', text: `here: ${form}` }] };
    const { request } = setup(() => json({ ...LIST, data: [item] }), [secret]);
    const response = await request('/api/sources/openai/conversations/conv_abc/items');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(form);
  });

  it('nor hidden behind JSON escapes, in a value or a key', async () => {
    const escaped = `\\u0073${KEY.slice(1)}`;
    const body = `{"object":"list","data":[{"id":"msg_1","type":"message","note":"${escaped}","${escaped}":1}],"has_more":false}`;
    const { request } = setup(() => new Response(body, { headers: { 'content-type': 'application/json' } }), [secret]);
    const text = await (await request('/api/sources/openai/conversations/conv_abc/items')).text();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text).data[0]).toEqual({ id: 'msg_1', type: 'message', note: '[redacted]', '[redacted]': 1 });
  });

  it('nor its start, when an HTML page quoting it is cut short', async () => {
    const page = `<html><body>${'x'.repeat(290)} ${KEY} ${'y'.repeat(100)}</body></html>`;
    const { request } = setup(() => new Response(page, { status: 500, headers: { 'content-type': 'text/html' } }), [secret]);
    const text = await (await request('/api/sources/openai/conversations/conv_abc/items')).text();
    expect(text).not.toContain(KEY.slice(0, 8));
  });

  it('nor in a connection failure that quotes the request', async () => {
    const { request } = setup(() => Promise.reject(new TypeError(`Headers.append: "Bearer ${KEY}" is an invalid header value.`)), [secret]);
    const response = await request('/api/sources/openai/conversations/conv_abc/items');
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(KEY);
  });
});

describe('an unparsable upstream answer', () => {
  it('is called cut off only when the JSON ends early', async () => {
    const answer = (text: string) => () => new Response(text, { headers: { 'content-type': 'application/json' } });
    const code = async (text: string) => ((await (await setup(answer(text)).request(ITEMS)).json()) as { error: { code: string } }).error.code;
    expect(await code('{"data":[{"id":"msg_1"')).toBe('upstream_truncated');
    expect(await code('{"data":[]')).toBe('upstream_truncated');
    expect(await code('{"data":[]} trailing')).toBe('upstream_not_json');
  });
});

describe('upstream concurrency', () => {
  it('runs at most the configured number of upstream requests at once; the rest wait their turn', async () => {
    let inFlight = 0;
    let most = 0;
    const fakeFetch = (async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return json(LIST);
    }) as typeof fetch;
    const app = createApiApp({ sources: [demo], fetch: fakeFetch, concurrency: 3 });
    const statuses = await Promise.all(Array.from({ length: 12 }, async () => (await app.request(ITEMS)).status));
    expect(statuses).toEqual(Array(12).fill(200));
    expect(most).toBe(3);
  });

  it('answers 503 with Retry-After when a request waits longer than the upstream timeout', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const fakeFetch = (async () => {
      await held;
      return json(LIST);
    }) as typeof fetch;
    const app = createApiApp({ sources: [demo], fetch: fakeFetch, concurrency: 1, timeoutMs: 50 });
    const first = app.request(ITEMS);
    const second = await app.request(ITEMS);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(await second.json()).toMatchObject({ error: { code: 'viewer_busy' } });
    release();
    expect((await first).status).toBe(200);
  });
});

describe('HEAD', () => {
  it('answers with the status and headers of a GET, without a body, and without asking the upstream again', async () => {
    const { calls, request } = setup();
    const get = await request(ITEMS);
    const length = (await get.arrayBuffer()).byteLength;
    expect(get.headers.get('content-length')).toBe(String(length));
    const head = await request(ITEMS, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/application\/json/);
    expect(head.headers.get('content-length')).toBe(String(length));
    expect(await head.text()).toBe('');
    expect(calls).toHaveLength(1);
  });

  it('asks the upstream again after an error that may pass', async () => {
    const { calls, request } = setup(() => json({ error: { message: 'Overloaded', type: 'server_error' } }, { status: 503 }));
    expect((await request(ITEMS, { method: 'HEAD' })).status).toBe(503);
    expect((await request(ITEMS, { method: 'HEAD' })).status).toBe(503);
    expect(calls).toHaveLength(2);
  });

  it('asks the upstream once for a run of HEADs, and passes its error status on', async () => {
    const { calls, request } = setup(() => json({ error: { message: 'No conversation found', type: 'invalid_request_error' } }, { status: 404 }));
    const statuses = [];
    for (let round = 0; round < 5; round += 1) statuses.push((await request(ITEMS, { method: 'HEAD' })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    expect(calls).toHaveLength(1);
  });
});

describe('deeply nested JSON', () => {
  it('passes an item nested 5,000 levels deep through, instead of failing the whole page', async () => {
    const text = `{"object":"list","data":[{"id":"msg_deep","type":"message","extra":${'{"nested":['.repeat(5_000)}"bottom"${']}'.repeat(5_000)}}],"has_more":false}`;
    const { request } = setup(() => new Response(text, { headers: { 'content-type': 'application/json' } }));
    const response = await request(ITEMS);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('"msg_deep"');
    expect(body).toContain('"bottom"');
    expect(body.length).toBeGreaterThan(5_000 * 12);

    const stream = await request('/api/sources/demo/conversations/conv_abc/stream');
    expect(stream.status).toBe(200);
    const lines = await stream.text();
    expect(lines).toContain('"msg_deep"');
    expect(lines).toContain('"bottom"');
  });
});
