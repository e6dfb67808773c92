import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agentRun from '../demo/conversations/agent-run.json' with { type: 'json' };
import { exportTraceServiceRequest } from '../../shared/export/otlp-shape.ts';
import { createLazyStore } from '../store/open-store.ts';
import { startTestViewer } from '../testing/test-server.ts';
import { createApiApp } from '../routes/api-routes.ts';
import type { Source } from '../sources/sources.ts';
import { startGeneratedUpstream } from '../testing/generated-upstream.ts';
import { AUTH, startSnapshotViewer } from '../testing/snapshot-viewer.ts';

let viewer: Awaited<ReturnType<typeof startTestViewer>>;
beforeAll(async () => {
  viewer = await startTestViewer();
});
afterAll(async () => {
  await viewer?.close();
});

const exportUrl = (format: string) => `${viewer.url}/api/sources/demo/conversations/${agentRun.conversation.id}/export?format=${format}`;

describe('the export route', () => {
  it('answers format=otlp with an OTLP/JSON request a collector accepts, one span per turn and per tool call', async () => {
    const response = await fetch(exportUrl('otlp'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${agentRun.conversation.id}.otlp.json"`);
    const request = exportTraceServiceRequest.parse(await response.json());
    const spans = request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    expect(spans.filter((span) => span.name === 'chat')).toHaveLength(3);
    expect(spans.filter((span) => span.name.startsWith('execute_tool ')).length).toBeGreaterThan(15);
  });

  it('refuses a format it does not know alike, whether the query or a download request names it', async () => {
    const query = await fetch(exportUrl('pdf'));
    const body = await fetch(exportUrl('json'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'pdf', exclude: {} }) });
    expect([query.status, body.status]).toEqual([400, 400]);
    expect(await body.json()).toEqual(await query.json());
  });

  it('names every format it knows when asked for another', async () => {
    const response = await fetch(exportUrl('pdf'));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_value', param: 'format', message: "Invalid 'format': expected markdown, html, json, otlp, got 'pdf'." });
  });

  it('answers a download request larger than 1 MiB with 413 request_too_large, in the API error shape', async () => {
    const response = await fetch(exportUrl('json'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', title: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toEqual({ message: 'The download request is larger than 1 MiB.', type: 'invalid_request_error', code: 'request_too_large', param: null });
  });
});

describe('an upstream failure before the download starts', () => {
  it("carries the upstream's request id, Retry-After and retry hint, as a page read does", async () => {
    const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk-test-key' };
    const body = JSON.stringify({ error: { message: 'Rate limit reached.', type: 'requests', code: 'rate_limit_exceeded' } });
    const headers = { 'content-type': 'application/json', 'retry-after': '7', 'x-request-id': 'req_0123456789abcdef' };
    const app = createApiApp({ sources: [source], fetch: (async () => new Response(body, { status: 429, headers })) as typeof fetch });
    const response = await app.request('/api/sources/openai/conversations/conv_x/export?format=json');
    expect(response.status).toBe(429);
    expect((await response.json()).error.code).toBe('rate_limit_exceeded');
    expect([response.headers.get('retry-after'), response.headers.get('x-request-id'), response.headers.get('x-should-retry')]).toEqual(['7', 'req_0123456789abcdef', 'true']);
  });
});

describe('HEAD on the export', () => {
  const source: Source = { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'http://openai.test/v1', apiKey: 'sk-test-key' };
  function counted() {
    const asked: string[] = [];
    const app = createApiApp({
      sources: [source],
      fetch: (async (input: string | URL | Request) => {
        const url = new URL(String(input));
        asked.push(url.pathname);
        if (url.pathname.includes('conv_missing')) return Response.json({ error: { message: 'Conversation not found.', type: 'invalid_request_error', code: null } }, { status: 404 });
        if (url.pathname.includes('conv_limited') && url.pathname.endsWith('/items')) {
          return Response.json({ error: { message: 'Rate limit reached.', type: 'requests', code: 'rate_limit_exceeded' } }, { status: 429, headers: { 'retry-after': '7' } });
        }
        if (!url.pathname.endsWith('/items')) return Response.json({ id: 'conv_x', object: 'conversation', created_at: 1, metadata: {} });
        const data = [{ id: `msg_${asked.length}`, type: 'message', role: 'user', content: 'hi' }];
        return Response.json({ object: 'list', data, first_id: data[0].id, last_id: data[0].id, has_more: asked.length < 40 });
      }) as typeof fetch,
    });
    return { asked, app };
  }

  it('answers the status and headers a GET gets, reading the first page of items, not the conversation', async () => {
    const { asked, app } = counted();
    const path = '/api/sources/openai/conversations/conv_x/export?format=markdown';
    const head = await app.request(path, { method: 'HEAD' });
    // (The reader asks for the next page while the first is read.)
    expect(asked.filter((requested) => requested.endsWith('/items')).length).toBeLessThanOrEqual(2);
    const get = await app.request(path);
    await get.text();
    expect([head.status, head.headers.get('content-type'), head.headers.get('content-disposition')]).toEqual([
      get.status,
      get.headers.get('content-type'),
      get.headers.get('content-disposition'),
    ]);
    expect(await head.text()).toBe('');
  });

  it('says the encoding the GET comes in, for a client that takes one', { timeout: 30_000 }, async () => {
    // The stack's own app: a request that comes over no socket counts as one from elsewhere, whose answers are compressed.
    for (const format of ['markdown', 'json']) {
      const init = { headers: { 'accept-encoding': 'br, gzip' } };
      const get = await viewer.app.request(exportUrl(format), init);
      await get.arrayBuffer();
      const head = await viewer.app.request(exportUrl(format), { ...init, method: 'HEAD' });
      expect(get.headers.get('content-encoding')).toBe('br');
      expect([head.status, head.headers.get('content-encoding'), head.headers.get('vary'), head.headers.get('content-length')]).toEqual([200, 'br', get.headers.get('vary'), null]);
    }
  });

  it('answers the status of a failure reading the first items, as a GET does', async () => {
    const { app } = counted();
    const path = '/api/sources/openai/conversations/conv_limited/export?format=json';
    const get = await app.request(path);
    const head = await app.request(path, { method: 'HEAD' });
    expect([head.status, head.headers.get('retry-after')]).toEqual([get.status, get.headers.get('retry-after')]);
    expect(head.status).toBe(429);
  });

  it("answers a missing conversation's status, as a GET does", async () => {
    const { app } = counted();
    const head = await app.request('/api/sources/openai/conversations/conv_missing/export?format=json', { method: 'HEAD' });
    expect(head.status).toBe(404);
  });
});

describe('the snapshot export route', () => {
  it('answers format=otlp too, from the store: one trace, the conversation ID on every span', async () => {
    const upstream = await startGeneratedUpstream(120);
    const store = createLazyStore({ kind: 'pglite', directory: null });
    const snapshots = await startSnapshotViewer({ upstream, store, config: {} });
    try {
      const created = await fetch(`${snapshots.url}/api/snapshots`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'openai', conversation_id: upstream.conversationId }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const response = await fetch(`${snapshots.url}/api/snapshots/${id}/export?format=otlp`, { headers: AUTH });
      expect(response.status).toBe(200);
      const spans = exportTraceServiceRequest.parse(await response.json()).resourceSpans[0].scopeSpans[0].spans;
      expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
      const ids = spans.map((span) => span.attributes?.find((attribute) => attribute.key === 'gen_ai.conversation.id')?.value);
      expect(ids.every((value) => value !== undefined && 'stringValue' in value && value.stringValue === upstream.conversationId)).toBe(true);
    } finally {
      await snapshots.close();
      await upstream.close();
      await store.close();
    }
  }, 60_000);
});
