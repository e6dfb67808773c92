import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApiApp } from './api-routes.ts';
import { listen, type Listening } from '../http/listen.ts';
import type { Source } from '../sources/sources.ts';
import { startTestViewer } from '../testing/test-server.ts';

const LONG = 'conv_69a0c3e71d2c8190b5f4e6a8d13c7b20';

async function readLines(response: Response) {
  const text = await response.text();
  return text.trim().split('\n').map((line) => JSON.parse(line) as { type: string; end?: string; items?: { id: string }[]; error?: { code: string } });
}

describe('GET …/conversations/<id>/stream against the demo upstream', () => {
  let viewer: Awaited<ReturnType<typeof startTestViewer>>;
  beforeAll(async () => {
    viewer = await startTestViewer();
  });
  afterAll(async () => viewer.close());

  it('streams every item once, in order once the two ends are put together, as the SDK lists them', async () => {
    const response = await fetch(`${viewer.url}/api/sources/demo/conversations/${LONG}/stream`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = await readLines(response);
    expect(lines.at(-1)).toEqual({ type: 'done' });
    const head = lines.filter((line) => line.end === 'head').flatMap((line) => line.items!);
    const tail = lines.filter((line) => line.end === 'tail').flatMap((line) => line.items!);
    expect(tail.length).toBeGreaterThan(0);
    const streamed = [...head, ...tail.reverse()].map((item) => item.id);

    const client = new OpenAI({ baseURL: `${viewer.url}/api/sources/demo`, apiKey: 'unused' });
    const listed: string[] = [];
    for await (const item of client.conversations.items.list(LONG, { order: 'asc' })) listed.push((item as { id: string }).id);
    expect(listed).toHaveLength(350);
    expect(streamed).toEqual(listed);
  });

  it('is sent as brotli or gzip to a client that takes it and is not on this machine, the same lines once decoded', async () => {
    const path = `/api/sources/demo/conversations/${LONG}/stream`;
    const plain = await fetch(`${viewer.url}${path}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    // Over this machine's loopback moving bytes costs nothing: the stream goes as it is, whatever the client takes.
    const local = await fetch(`${viewer.url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(local.headers.get('content-encoding')).toBeNull();
    expect(await local.text()).toBe(text);
    // A client whose address is not this machine's (here: not known) gets it compressed.
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const response = await viewer.app.request(path, { headers: { 'accept-encoding': `${encoding}, deflate` } });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.length).toBeLessThan(text.length / 2);
      expect(decode(body).toString()).toBe(text);
    }
  });

  it('resumes from the cursors of both ends', async () => {
    const all = (await readLines(await fetch(`${viewer.url}/api/sources/demo/conversations/${LONG}/stream`)))
      .filter((line) => line.type === 'items');
    const headItems = all.filter((line) => line.end === 'head').flatMap((line) => line.items!);
    const tailItems = all.filter((line) => line.end === 'tail').flatMap((line) => line.items!);
    const lines = await readLines(
      await fetch(`${viewer.url}/api/sources/demo/conversations/${LONG}/stream?head_after=${headItems[49].id}&tail_after=${tailItems[9].id}`),
    );
    const ids = lines.filter((line) => line.type === 'items').flatMap((line) => line.items!.map((item) => item.id));
    expect(ids).toHaveLength(350 - 50 - 10);
    expect(ids).not.toContain(headItems[49].id);
    expect(ids).not.toContain(tailItems[9].id);
  });

  it('answers a missing conversation with the upstream status and error, not a stream', async () => {
    const response = await fetch(`${viewer.url}/api/sources/demo/conversations/conv_missing/stream`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/not found/i);
  });

  it.each(['head_after', 'tail_after'])("names %s, as the client sent it, when the upstream does not know the item it names", async (name) => {
    const response = await fetch(`${viewer.url}/api/sources/demo/conversations/${LONG}/stream?${name}=msg_gone`);
    // The other end may have sent its first page before this one failed: the error is then the stream's last line.
    const { error } = (response.ok ? (await readLines(response)).at(-1) : await response.json()) as { error: { param: string | null } };
    expect(error.param).toBe(name);
  });

  it('refuses a cursor that is not an item ID', async () => {
    const response = await fetch(`${viewer.url}/api/sources/demo/conversations/${LONG}/stream?head_after=..%2Fx`);
    expect(response.status).toBe(400);
  });
});

describe('stream paging stops with the reader', () => {
  let upstream: Listening;
  let viewer: Listening;
  let requests = 0;
  beforeAll(async () => {
    // An endless, slow conversation: every page has more.
    upstream = await listen(async (request) => {
      requests += 1;
      const url = new URL(request.url);
      const after = url.searchParams.get('after') ?? `${url.searchParams.get('order')}_0`;
      const n = Number(after.split('_')[1]) + 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const data = Array.from({ length: 100 }, (_, i) => ({ id: `${url.searchParams.get('order')}_${n * 100 + i}`, type: 'message', role: 'user', content: [] }));
      return Response.json({ object: 'list', data, has_more: true, first_id: data[0].id, last_id: `${url.searchParams.get('order')}_${n}` });
    }, '127.0.0.1', 0);
    const source: Source = { id: 'demo', label: 'Endless', kind: 'demo', baseUrl: `${upstream.url}/v1`, apiKey: 'key-endless' };
    viewer = await listen(createApiApp({ sources: [source] }).fetch, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await viewer.close();
    await upstream.close();
  });

  it('stops requesting upstream pages soon after the browser goes away', async () => {
    const controller = new AbortController();
    const response = await fetch(`${viewer.url}/api/sources/demo/conversations/conv_endless/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const afterLeaving = requests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests - afterLeaving).toBeLessThanOrEqual(2);
  });
});

describe('HEAD on the stream', () => {
  it('is refused without paging the conversation', async () => {
    let requests = 0;
    const upstream = await listen(() => {
      requests += 1;
      return Response.json({ object: 'list', data: [], has_more: false });
    }, '127.0.0.1', 0);
    const source: Source = { id: 'demo', label: 'Counted', kind: 'demo', baseUrl: `${upstream.url}/v1`, apiKey: 'key-counted' };
    const app = createApiApp({ sources: [source] });
    const response = await app.request('/api/sources/demo/conversations/conv_x/stream', { method: 'HEAD' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(requests).toBe(0);
    await upstream.close();
  });

  it.each(['POST', 'DELETE'])('is not named in the Allow of a refused %s', async (method) => {
    const source: Source = { id: 'demo', label: 'Demo', kind: 'demo', baseUrl: 'http://demo.test/v1', apiKey: 'key-demo' };
    const response = await createApiApp({ sources: [source] }).request('/api/sources/demo/conversations/conv_x/stream', { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('a failure before the stream starts', () => {
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk-test-key' };
  const answering = (status: number, body: string, type = 'application/json') =>
    createApiApp({ sources: [source], fetch: (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof fetch });

  it.each([
    ['insufficient_quota', 429, JSON.stringify({ error: { message: 'You exceeded your quota.', type: 'insufficient_quota', code: 'insufficient_quota' } }), 'application/json'],
    ['upstream_not_json', 200, '<html>sign in</html>', 'text/html'],
  ])('says x-should-retry: false for %s, as a page read does', async (code, status, body, type) => {
    const response = await answering(status, body, type).request('/api/sources/openai/conversations/conv_x/stream');
    expect((await response.json()).error.code).toBe(code);
    expect(response.headers.get('x-should-retry')).toBe('false');
  });
});

describe('the items of a page on the stream', () => {
  const KEY = 'sk-test-STREAMKEY-123456';
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: KEY };
  const streamOf = async (body: string) => {
    const app = createApiApp({ sources: [source], fetch: (async () => new Response(body, { headers: { 'content-type': 'application/json' } })) as typeof fetch });
    return (await app.request('/api/sources/openai/conversations/conv_abc/stream')).text();
  };

  it('go on as the upstream wrote them, on one line', async () => {
    const items = '[{"id":"msg_1","type":"message","score":1.50,"note":"a \\"quoted\\" ] } text"}, {"type":"custom_tool_call"}]';
    const text = await streamOf(`{"object":"list","data":${items},"first_id":"msg_1","last_id":"msg_1","has_more":false}`);
    const [line, done] = text.trim().split('\n');
    expect(line).toMatch(/^\{"type":"items","end":"(head|tail)","items":/);
    expect(line).toContain(items);
    expect(JSON.parse(done)).toEqual({ type: 'done' });
  });

  it('still make one line each when the upstream spreads its answer over lines', async () => {
    const data = [{ id: 'msg_1', type: 'message' }, { id: 'msg_2', type: 'message' }];
    const lines = (await streamOf(JSON.stringify({ object: 'list', data, has_more: false }, null, 2))).trim().split('\n').map((line) => JSON.parse(line) as { items?: unknown[] });
    expect(lines).toHaveLength(2);
    expect(lines[0].items).toEqual(data);
  });

  it('that wait go out together, in fewer chunks than lines, each line whole', async () => {
    // 800 items, answered at once from either end.
    const items = Array.from({ length: 800 }, (_, index) => ({ id: `msg_${String(index).padStart(3, '0')}`, type: 'message', text: 'x'.repeat(400) }));
    const app = createApiApp({
      sources: [source],
      fetch: (async (input: string | URL | Request) => {
        const url = new URL(String(input));
        const ordered = url.searchParams.get('order') === 'asc' ? items : [...items].reverse();
        const start = ordered.findIndex((item) => item.id === url.searchParams.get('after')) + 1;
        const data = ordered.slice(start, start + 100);
        return Response.json({ object: 'list', data, has_more: start + 100 < 800, last_id: data.at(-1)!.id });
      }) as typeof fetch,
    });
    const response = await app.request('/api/sources/openai/conversations/conv_abc/stream');
    const reader = response.body!.getReader();
    const chunks: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(new TextDecoder().decode(read.value));
    const lines = chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as { type: string; end?: string; items?: { id: string }[] });
    const head = lines.filter((line) => line.end === 'head').flatMap((line) => line.items!);
    const tail = lines.filter((line) => line.end === 'tail').flatMap((line) => line.items!);
    expect([...head, ...tail.reverse()].map((item) => item.id)).toEqual(items.map((item) => item.id));
    expect(lines.at(-1)).toEqual({ type: 'done' });
    expect(chunks.every((chunk) => chunk.endsWith('\n'))).toBe(true);
    expect(chunks.length).toBeLessThan(lines.length);
  });

  it("end with an error that carries what the error's answer would: Retry-After-Ms, the retry hint, the request id", async () => {
    const app = createApiApp({
      sources: [source],
      fetch: (async (input: string | URL | Request) => {
        const url = new URL(String(input));
        if (url.searchParams.has('after')) {
          const headers = { 'retry-after': '2', 'retry-after-ms': '1500', 'x-should-retry': 'true', 'x-request-id': 'req_later' };
          return Response.json({ error: { message: 'Slow down.', type: 'requests', code: 'rate_limit_exceeded' } }, { status: 429, headers });
        }
        const data = [{ id: `msg_${url.searchParams.get('order')}`, type: 'message' }];
        return Response.json({ object: 'list', data, has_more: true, last_id: data[0].id });
      }) as typeof fetch,
    });
    const response = await app.request('/api/sources/openai/conversations/conv_abc/stream');
    const last = JSON.parse((await response.text()).trim().split('\n').at(-1)!);
    expect(last).toEqual({
      type: 'error',
      status: 429,
      error: { message: 'Slow down.', type: 'requests', code: 'rate_limit_exceeded', param: null },
      retry_after: '2',
      retry_after_ms: '1500',
      should_retry: 'true',
      request_id: 'req_later',
    });
  });

  it('are followed by an error that comes after them, as the last line', async () => {
    const app = createApiApp({
      sources: [source],
      fetch: (async (input: string | URL | Request) => {
        const url = new URL(String(input));
        if (url.searchParams.has('after')) return Response.json({ error: { message: 'Slow down.', type: 'requests', code: 'rate_limit_exceeded' } }, { status: 429, headers: { 'retry-after': '120' } });
        const data = [{ id: `msg_${url.searchParams.get('order')}`, type: 'message' }];
        return Response.json({ object: 'list', data, has_more: true, last_id: data[0].id });
      }) as typeof fetch,
    });
    const response = await app.request('/api/sources/openai/conversations/conv_abc/stream');
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines.filter((line) => line.type === 'items').length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ type: 'error', status: 429, retry_after: '120', error: { code: 'rate_limit_exceeded', message: 'Slow down.' } });
  });

  it('never carry the key, whether quoted as it is or behind JSON escapes', async () => {
    const escaped = `\\u0073${KEY.slice(1)}`;
    for (const [quoted, expected] of [[KEY, `here: [redacted]`], [escaped, '[redacted]']]) {
      const text = await streamOf(`{"object":"list","data":[{"id":"msg_1","type":"message","note":"${quoted === KEY ? `here: ${KEY}` : escaped}"}],"has_more":false}`);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(1));
      expect(JSON.parse(text.split('\n')[0]).items[0].note).toBe(expected);
    }
  });
});
