import { describe, expect, it } from 'vitest';
import { demoConversations } from './conversations.ts';
import { createEmulatorApp, type DemoConversation, type StoredItem } from './emulator.ts';

const CONVERSATION_ID = 'conv_big';
const ids = Array.from({ length: 250 }, (_, index) => `msg_${String(index).padStart(3, '0')}`);

function seed(): DemoConversation[] {
  const items: StoredItem[] = ids.map((id, index) => ({ id, type: 'message', role: 'user', status: 'completed', content: `message ${index}` }));
  return [
    {
      title: 'Big',
      description: '250 items',
      conversation: { id: CONVERSATION_ID, object: 'conversation', created_at: 1_700_000_000, metadata: { topic: 'paging' } },
      items,
    },
  ];
}

const auth = { authorization: 'Bearer x' };

function setup() {
  const app = createEmulatorApp(seed());
  const get = (path: string) => app.request(`/v1${path}`, { headers: auth });
  const send = (method: string, path: string, body?: unknown) =>
    app.request(`/v1${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { get, send };
}

interface Page {
  data: StoredItem[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

const itemsPath = `/conversations/${CONVERSATION_ID}/items`;

async function walk(get: (path: string) => Response | Promise<Response>, order: 'asc' | 'desc', limit: number) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages <= ids.length + 1; pages++) {
    const response = await get(`${itemsPath}?order=${order}&limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.data.length).toBeLessThanOrEqual(limit);
    expect(page.first_id).toBe(page.data[0]?.id ?? null);
    expect(page.last_id).toBe(page.data.at(-1)?.id ?? null);
    seen.push(...page.data.map((item) => item.id));
    if (!page.has_more) return seen;
    after = page.last_id;
  }
  throw new Error('paging did not end');
}

describe('emulator paging', () => {
  it.each([
    ['asc', 1],
    ['asc', 20],
    ['asc', 100],
    ['desc', 7],
    ['desc', 100],
  ] as const)('walks every item exactly once in %s order with limit %i', async (order, limit) => {
    const { get } = setup();
    const seen = await walk(get, order, limit);
    expect(seen).toEqual(order === 'asc' ? ids : [...ids].reverse());
  });

  it('defaults to newest first, 20 at a time', async () => {
    const page = (await (await setup().get(itemsPath)).json()) as Page;
    expect(page.data.map((item) => item.id)).toEqual(ids.slice(-20).reverse());
    expect(page).toMatchObject({ object: 'list', first_id: 'msg_249', last_id: 'msg_230', has_more: true });
  });

  it('ends with has_more false exactly at the last item', async () => {
    const page = (await (await setup().get(`${itemsPath}?order=asc&after=msg_199&limit=50`)).json()) as Page;
    expect(page).toMatchObject({ first_id: 'msg_200', last_id: 'msg_249', has_more: false });
    const empty = (await (await setup().get(`${itemsPath}?order=asc&after=msg_249`)).json()) as Page;
    expect(empty).toMatchObject({ data: [], first_id: null, last_id: null, has_more: false });
  });

  it.each(['0', '101', '-1', 'ten'])('rejects limit=%s with an OpenAI error', async (limit) => {
    const response = await setup().get(`${itemsPath}?limit=${limit}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message: expect.stringContaining("Invalid 'limit'"), type: 'invalid_request_error', code: 'invalid_value', param: 'limit' },
    });
  });

  it('rejects an unknown order', async () => {
    const response = await setup().get(`${itemsPath}?order=newest`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'order' } });
  });

  it('answers 404 for an unknown cursor', async () => {
    const response = await setup().get(`${itemsPath}?after=msg_nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { param: 'after', message: expect.stringContaining('msg_nope') } });
  });
});

describe('the emulator stays faithful to the real API', () => {
  it('gives output_text parts logprobs and annotations, and function_call_output a status', async () => {
    const { send } = setup();
    const response = await send('POST', itemsPath, {
      items: [
        { role: 'assistant', content: [{ type: 'output_text', text: 'Hi' }] },
        { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: '42' },
      ],
    });
    const { data } = (await response.json()) as Page;
    expect(data[0].content).toEqual([{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }]);
    expect(data[2]).toMatchObject({ type: 'function_call_output', status: 'completed' });
  });

  it('serves the demo conversations the same way', () => {
    const parts = demoConversations().flatMap((demo) => demo.items).flatMap((item) => (Array.isArray(item.content) ? item.content : []));
    const outputText = parts.filter((part: { type?: string }) => part.type === 'output_text');
    expect(outputText.length).toBeGreaterThan(100);
    expect(outputText.every((part: { logprobs?: unknown }) => Array.isArray(part.logprobs))).toBe(true);
    const outputs = demoConversations().flatMap((demo) => demo.items).filter((item) => item.type === 'function_call_output');
    expect(outputs.every((item) => typeof item.status === 'string')).toBe(true);
  });

  it("gives items written without an ID OpenAI's prefix for their type and ID shape", async () => {
    const { send } = setup();
    const types = ['message', 'function_call', 'function_call_output', 'reasoning', 'web_search_call', 'mcp_call', 'something_new'];
    const response = await send('POST', itemsPath, { items: types.map((type) => (type === 'message' ? { type, role: 'user', content: 'x' } : { type, call_id: 'c' })) });
    const { data } = (await response.json()) as Page;
    const prefixes = data.map((item) => item.id.split('_').slice(0, -1).join('_'));
    expect(prefixes).toEqual(['msg', 'fc', 'fco', 'rs', 'ws', 'mcp', 'item']);
    const now = Math.floor(Date.now() / 1000);
    for (const item of data) {
      expect(item.id).toMatch(/^[a-z]+_[0-9a-f]{48}$/);
      expect(Math.abs(Number.parseInt(item.id.split('_').at(-1)!.slice(0, 8), 16) - now)).toBeLessThan(60);
    }
    const created = (await (await send('POST', '/conversations', {})).json()) as { id: string };
    expect(created.id).toMatch(/^conv_[0-9a-f]{48}$/);
  });

  it('sends a request id of OpenAI\'s shape', async () => {
    const response = await setup().get(itemsPath);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it.each(['not-a-real-key', 'a key with spaces', 'sk-proj-abc'])('accepts any non-empty key, like a mock server: %s', async (key) => {
    const app = createEmulatorApp(seed());
    expect((await app.request(`/v1${itemsPath}`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });

  it('refuses an empty key, and any key but its own when it has one', async () => {
    expect((await createEmulatorApp(seed()).request(`/v1${itemsPath}`, { headers: { authorization: 'Bearer   ' } })).status).toBe(401);
    const guarded = createEmulatorApp(seed(), { apiKey: 'demo-key' });
    expect((await guarded.request(`/v1${itemsPath}`, { headers: { authorization: 'Bearer demo-key' } })).status).toBe(200);
    expect((await guarded.request(`/v1${itemsPath}`, { headers: { authorization: 'Bearer other' } })).status).toBe(401);
  });
});

describe('emulator requests', () => {
  it('answers 404 for a missing conversation', async () => {
    const { get } = setup();
    for (const path of ['/conversations/conv_missing', '/conversations/conv_missing/items', '/conversations/conv_missing/items/msg_000']) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('answers 401 without a bearer token', async () => {
    const app = createEmulatorApp(seed());
    const response = await app.request(`/v1${itemsPath}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'missing_api_key', type: 'invalid_request_error' } });
  });

  it('returns the conversation and single items', async () => {
    const { get } = setup();
    expect(await (await get(`/conversations/${CONVERSATION_ID}`)).json()).toEqual({
      id: CONVERSATION_ID,
      object: 'conversation',
      created_at: 1_700_000_000,
      metadata: { topic: 'paging' },
    });
    expect(await (await get(`${itemsPath}/msg_042`)).json()).toMatchObject({ id: 'msg_042', content: 'message 42' });
    expect((await get(`${itemsPath}/msg_nope`)).status).toBe(404);
  });

  it('creates a conversation with items and metadata, then reads it back', async () => {
    const { get, send } = setup();
    const created = await send('POST', '/conversations', {
      items: [
        { type: 'message', role: 'user', content: 'Hello' },
        { role: 'assistant', content: [{ type: 'output_text', text: 'Hi' }] },
      ],
      metadata: { project: 'viewer' },
    });
    expect(created.status).toBe(200);
    const conversation = (await created.json()) as { id: string; object: string; metadata: unknown };
    expect(conversation).toMatchObject({ id: expect.stringMatching(/^conv_/), object: 'conversation', metadata: { project: 'viewer' } });
    expect(await (await get(`/conversations/${conversation.id}`)).json()).toEqual(conversation);
    const page = (await (await get(`/conversations/${conversation.id}/items?order=asc`)).json()) as Page;
    expect(page.data).toEqual([
      { id: expect.stringMatching(/^msg_/), type: 'message', role: 'user', status: 'completed', content: 'Hello' },
      { id: expect.stringMatching(/^msg_/), type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }] },
    ]);
  });

  it('accepts at most 20 items per request', async () => {
    const { send } = setup();
    const items = (count: number) => Array.from({ length: count }, () => ({ type: 'message', role: 'user', content: 'x' }));
    expect((await send('POST', '/conversations', { items: items(20) })).status).toBe(200);
    const response = await send('POST', '/conversations', { items: items(21) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'items' } });
    expect((await send('POST', `${itemsPath}`, { items: items(21) })).status).toBe(400);
  });

  it('appends items to a conversation', async () => {
    const { get, send } = setup();
    const added = await send('POST', itemsPath, { items: [{ id: 'msg_new', type: 'message', role: 'user', content: 'Later' }] });
    expect(await added.json()).toMatchObject({ object: 'list', data: [{ id: 'msg_new' }], first_id: 'msg_new', last_id: 'msg_new' });
    const newest = (await (await get(`${itemsPath}?limit=2`)).json()) as Page;
    expect(newest.data.map((item) => item.id)).toEqual(['msg_new', 'msg_249']);
    expect(await walk(get, 'asc', 100)).toEqual([...ids, 'msg_new']);
  });

  it('deletes an item', async () => {
    const { get, send } = setup();
    const deleted = await send('DELETE', `${itemsPath}/msg_100`);
    expect(await deleted.json()).toMatchObject({ id: CONVERSATION_ID, object: 'conversation' });
    expect((await get(`${itemsPath}/msg_100`)).status).toBe(404);
    expect(await walk(get, 'desc', 100)).toEqual(ids.filter((id) => id !== 'msg_100').reverse());
  });

  it('deletes a conversation', async () => {
    const { get, send } = setup();
    const deleted = await send('DELETE', `/conversations/${CONVERSATION_ID}`);
    expect(await deleted.json()).toEqual({ id: CONVERSATION_ID, object: 'conversation.deleted', deleted: true });
    expect((await get(`/conversations/${CONVERSATION_ID}`)).status).toBe(404);
  });
});

/** The response printed in DashScope's documentation for `client.conversations.items.list("conv_xxx")`. */
const documented = {
  data: [
    {
      content: [
        {
          text: 'Alice, a gentle and resilient woman, was born in Singapore. She is 20 years old, and her hobbies are music and chess.',
          type: 'input_text'
        }
      ],
      id: 'msg_7639f8f6-484b-454a-8125-96a3f40eb9e8',
      role: 'user',
      status: 'completed',
      type: 'message'
    },
    {
      content: [
        {
          text: 'Alice\'s best friend is Bob',
          type: 'input_text'
        }
      ],
      id: 'msg_288594f6-6ef1-4519-94d4-a545ca311828',
      role: 'user',
      status: 'completed',
      type: 'message'
    }
  ],
  first_id: 'msg_7639f8f6-484b-454a-8125-96a3f40eb9e8',
  has_more: false,
  last_id: 'msg_288594f6-6ef1-4519-94d4-a545ca311828',
  object: 'list'
};

describe('emulator fidelity', () => {
  it('answers the seed request from the DashScope docs with the documented response, verbatim', async () => {
    const app = createEmulatorApp(demoConversations());
    const response = await app.request('/v1/conversations/conv_demo_alice_bob/items', { headers: auth });
    expect(await response.json()).toEqual(documented);
  });

  it('accepts only its own key when it has one, and never echoes it', async () => {
    const app = createEmulatorApp(seed(), { apiKey: 'demo-secret-key' });
    const wrong = await app.request(`/v1${itemsPath}`, { headers: { authorization: 'Bearer demo-guess' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('demo-');
    const right = await app.request(`/v1${itemsPath}`, { headers: { authorization: 'Bearer demo-secret-key' } });
    expect(right.status).toBe(200);
    expect(right.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('refuses unparsable bodies and missing required parameters like the real API', async () => {
    const { send } = setup();
    const raw = (path: string, body: string) => createEmulatorApp(seed()).request(`/v1${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    expect((await raw('/conversations', '{not json')).status).toBe(400);
    const noMetadata = await send('POST', `/conversations/${CONVERSATION_ID}`, {});
    expect(noMetadata.status).toBe(400);
    expect(await noMetadata.json()).toMatchObject({ error: { param: 'metadata', code: 'missing_required_parameter' } });
    const noItems = await send('POST', `/conversations/${CONVERSATION_ID}/items`, {});
    expect(await noItems.json()).toMatchObject({ error: { param: 'items', code: 'missing_required_parameter' } });
    expect((await send('POST', '/conversations')).status).toBe(200);
  });
});
