import OpenAI, { BadRequestError, InternalServerError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from './api-routes.ts';
import { demoConversations } from '../demo/conversations.ts';
import { listen } from '../http/listen.ts';
import type { Source } from '../sources/sources.ts';
import { startTestViewer } from '../testing/test-server.ts';
import { startRecordedViewer } from '../testing/recording-upstream.ts';

const LONG_ID = 'conv_69a0c3e71d2c8190b5f4e6a8d13c7b20';
const long = demoConversations().find((demo) => demo.conversation.id === LONG_ID)!;
const longIds = long.items.map((item) => item.id);

let viewer: Awaited<ReturnType<typeof startTestViewer>>;
let client: OpenAI;

beforeAll(async () => {
  viewer = await startTestViewer();
  // The key is the viewer's business, not the client's: any value works against the viewer.
  client = new OpenAI({ baseURL: `${viewer.url}/api/sources/demo`, apiKey: 'not-a-real-key', maxRetries: 0 });
});
afterAll(() => viewer.close());

async function listAll(order: 'asc' | 'desc', limit?: number) {
  const ids: string[] = [];
  for await (const item of client.conversations.items.list(LONG_ID, { order, ...(limit ? { limit } : {}) })) ids.push(String(item.id));
  return ids;
}

describe('the official openai SDK through the viewer', () => {
  it('lists all 350 items of the long demo conversation oldest first, each once, with auto-pagination', async () => {
    const ids = await listAll('asc', 100);
    expect(ids).toHaveLength(350);
    expect(ids).toEqual(longIds);
  });

  it('lists them newest first too, with the default page size', async () => {
    const ids = await listAll('desc');
    expect(ids).toEqual([...longIds].reverse());
  });

  it('retrieves the conversation and a single item', async () => {
    const conversation = await client.conversations.retrieve(LONG_ID);
    expect(conversation.id).toBe(LONG_ID);
    const item = await client.conversations.items.retrieve(long.items[41].id, { conversation_id: LONG_ID });
    expect(item).toEqual(long.items[41]);
  });

  it('gets NotFoundError for a conversation that does not exist', async () => {
    await expect(client.conversations.items.list('conv_does_not_exist')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.conversations.retrieve('conv_does_not_exist')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gets BadRequestError for limit=0, with a message naming the parameter', async () => {
    const error = await client.conversations.items.list(LONG_ID, { limit: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain('limit');
  });

  it("reads the demo upstream's request id, not the viewer's own, into requestID / _request_id", async () => {
    const { data, request_id } = await client.conversations.retrieve(LONG_ID).withResponse();
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(data.id).toBe(LONG_ID);
    const error = (await client.conversations.retrieve('conv_does_not_exist').catch((caught: unknown) => caught)) as NotFoundError;
    expect(error.requestID).toMatch(/^req_[0-9a-f]{32}$/);
    expect(error.headers.get('x-viewer-request-id')).toMatch(/^vreq_/);
  });

  it("reads the viewer's own request id from its own errors: a bad limit, a write, an unknown endpoint", async () => {
    const errors = await Promise.all([
      client.conversations.items.list(LONG_ID, { limit: 0 }).catch((caught: unknown) => caught),
      client.conversations.create({}).catch((caught: unknown) => caught),
      new OpenAI({ baseURL: `${viewer.url}/api/sources/nope`, apiKey: 'x', maxRetries: 0 }).conversations.retrieve(LONG_ID).catch((caught: unknown) => caught),
    ]);
    expect(errors.map((error) => (error as { status: number }).status)).toEqual([400, 405, 404]);
    for (const error of errors as BadRequestError[]) {
      expect(error.requestID).toMatch(/^vreq_[0-9a-f]{32}$/);
      expect(error.requestID).toBe(error.headers.get('x-viewer-request-id'));
    }
  });

  it('gets BadRequestError for an include value OpenAI does not know', async () => {
    const error = await client.conversations.items
      .list(LONG_ID, { include: ['no_such.value' as 'reasoning.encrypted_content'] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('include');
  });

  it("gets the same code for a value outside order's list as for one outside include's: invalid_value, as OpenAI answers", async () => {
    const errors = (await Promise.all([
      client.conversations.items.list(LONG_ID, { order: 'newest' as 'asc' }).catch((caught: unknown) => caught),
      client.conversations.items.list(LONG_ID, { include: ['no_such.value' as 'reasoning.encrypted_content'] }).catch((caught: unknown) => caught),
    ])) as BadRequestError[];
    expect(errors.map((error) => [error.status, error.code, error.param])).toEqual([
      [400, 'invalid_value', 'order'],
      [400, 'invalid_value', 'include'],
    ]);
    expect(errors[0].message).toContain("Invalid value: 'newest'. Supported values are: 'asc' and 'desc'.");
  });

  it('cannot create a conversation through the viewer: 405, not NotFoundError', async () => {
    const error = await client.conversations.create({}).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 405, headers: expect.any(Headers) });
    expect((error as { headers: Headers }).headers.get('allow')).toBe('GET, HEAD');
  });

  it('cannot write through the viewer: creating items is refused', async () => {
    const error = await client.conversations.items
      .create(LONG_ID, { items: [{ type: 'message', role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 405 });
  });
});

describe('the official openai SDK against the demo emulator directly', () => {
  it('creates a conversation, adds items and pages through them like the real API', async () => {
    const direct = new OpenAI({ baseURL: viewer.demoBaseUrl, apiKey: viewer.demoApiKey, maxRetries: 0 });
    const conversation = await direct.conversations.create({
      items: [{ type: 'message', role: 'user', content: 'first' }],
      metadata: { team: 'viewer' },
    });
    expect(conversation.id).toMatch(/^conv_/);
    for (let round = 0; round < 3; round += 1) {
      const items = Array.from({ length: 20 }, (_, index) => ({
        type: 'message' as const,
        role: 'assistant' as const,
        content: `round ${round} item ${index}`,
      }));
      await direct.conversations.items.create(conversation.id, { items });
    }
    const texts: unknown[] = [];
    for await (const item of direct.conversations.items.list(conversation.id, { order: 'asc', limit: 7 })) {
      texts.push(item.type === 'message' ? item.content : null);
    }
    expect(texts).toHaveLength(61);
    expect(texts[0]).toBe('first');
    expect(texts[60]).toBe('round 2 item 19');

    const through = new OpenAI({ baseURL: `${viewer.url}/api/sources/demo`, apiKey: 'x', maxRetries: 0 });
    expect((await through.conversations.retrieve(conversation.id)).metadata).toEqual({ team: 'viewer' });
  });
});

describe('the official openai SDK and answers that would come back the same', () => {
  it('does not spend its retries on a 502 for an HTML page, nor on an exhausted quota', async () => {
    let calls = 0;
    const answers = [
      () => new Response('<html><body>Sign in</body></html>', { headers: { 'content-type': 'text/html' } }),
      () => Response.json({ error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' } }, { status: 429 }),
    ];
    let answer = answers[0];
    const fetch = (async () => {
      calls += 1;
      return answer();
    }) as typeof globalThis.fetch;
    const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk-test' };
    const server = await listen(createApiApp({ sources: [source], fetch }).fetch, '127.0.0.1', 0);
    try {
      const sdk = new OpenAI({ baseURL: `${server.url}/api/sources/openai`, apiKey: 'x', maxRetries: 2 });
      await expect(sdk.conversations.retrieve('conv_abc')).rejects.toMatchObject({ status: 502 });
      expect(calls).toBe(1);
      answer = answers[1];
      await expect(sdk.conversations.retrieve('conv_abc')).rejects.toMatchObject({ status: 429, code: 'insufficient_quota' });
      expect(calls).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('the official openai SDK, an OpenAI source and what travels in headers', () => {
  let recorded: Awaited<ReturnType<typeof startRecordedViewer>>;
  let upstream: Awaited<ReturnType<typeof startRecordedViewer>>['upstream'];
  const sdk = (source: string, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
    new OpenAI({ baseURL: `${recorded.url}/api/sources/${source}`, apiKey: 'x', maxRetries: 0, ...options });

  beforeAll(async () => {
    recorded = await startRecordedViewer();
    upstream = recorded.upstream;
  });
  afterAll(() => recorded.close());

  it("sends the source's organization and project, or the client's own OpenAI-Organization and OpenAI-Project", async () => {
    await sdk('openai').conversations.retrieve('conv_default_account');
    expect(upstream.seen.at(-1)?.get('openai-organization')).toBe('org-viewer');
    expect(upstream.seen.at(-1)?.get('openai-project')).toBe('proj_viewer');
    expect(upstream.seen.at(-1)?.get('authorization')).toBe('Bearer sk-viewer');

    await sdk('openai', { organization: 'org-client', project: 'proj_client' }).conversations.retrieve('conv_client_account');
    expect(upstream.seen.at(-1)?.get('openai-organization')).toBe('org-client');
    expect(upstream.seen.at(-1)?.get('openai-project')).toBe('proj_client');
  });

  it("does not pass a client's OpenAI headers to a source of another provider", async () => {
    await sdk('dashscope-us', { organization: 'org-client', project: 'proj_client' }).conversations.retrieve('conv_to_dashscope');
    expect(upstream.seen.at(-1)?.get('openai-organization')).toBeNull();
    expect(upstream.seen.at(-1)?.get('openai-project')).toBeNull();
  });

  it("refuses a client's OpenAI-Organization that is not an ID, before asking the upstream", async () => {
    const before = upstream.seen.length;
    const error = await sdk('openai', { organization: 'org one' }).conversations.retrieve('conv_bad_org').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(upstream.seen).toHaveLength(before);
  });

  it('hits a deterministic 500 that says x-should-retry: false once, though the SDK may retry twice', async () => {
    const error = await sdk('openai', { maxRetries: 2 }).conversations.retrieve('conv_always_fails').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).requestID).toBe('req_final');
    expect(upstream.hits.get('conv_always_fails')).toHaveLength(1);
  });

  it("honours the upstream's retry-after-ms: the SDK comes back after 0.3 s, not the 30 s of retry-after", async () => {
    const conversation = await sdk('openai', { maxRetries: 1, timeout: 10_000 }).conversations.retrieve('conv_fails_once');
    expect(conversation.id).toBe('conv_fails_once');
    const [first, second] = upstream.hits.get('conv_fails_once') ?? [];
    expect(second - first).toBeGreaterThanOrEqual(280);
    expect(second - first).toBeLessThan(5_000);
  }, 15_000);

  it("keeps a DashScope error body's request_id, as the request id the SDK reads", async () => {
    const error = await sdk('dashscope-us').conversations.retrieve('conv_dashscope_error').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', requestID: 'ds-7c1f0a2e' });
  });
});
