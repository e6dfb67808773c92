import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportDocument } from '../../shared/export/export-document.ts';
import { ISLAND_SCRIPT } from '../../shared/export/html-island.ts';
import { createLazyStore } from '../store/open-store.ts';
import { generateItems, SECRET, startGeneratedUpstream } from '../testing/generated-upstream.ts';
import { AUTH, startSnapshotViewer } from '../testing/snapshot-viewer.ts';
import { createApiApp } from '../routes/api-routes.ts';

const ITEMS = 257;
let upstream: Awaited<ReturnType<typeof startGeneratedUpstream>>;
const store = createLazyStore({ kind: 'pglite', directory: null });
const servers: { close: () => Promise<void> }[] = [];
let viewer: string;

async function start(config: Parameters<typeof startSnapshotViewer>[0]['config'] = {}) {
  const server = await startSnapshotViewer({ upstream, store, config });
  servers.push(server);
  return server.url;
}

beforeAll(async () => {
  upstream = await startGeneratedUpstream(ITEMS);
  viewer = await start();
  // The embedded store starts here, so no test's time includes it.
  await store.get();
}, 60_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  await upstream.close();
  await store.close();
});

async function create(base: string, body: Record<string, unknown> = {}) {
  return fetch(`${base}/api/snapshots`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'openai', conversation_id: upstream.conversationId, ...body }),
  });
}

async function createOk(base: string, body: Record<string, unknown> = {}) {
  const response = await create(base, body);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; url: string; item_count: number; excluded_count: number };
}

async function allItems(base: string, id: string, headers: Record<string, string> = {}) {
  const ids: (string | undefined)[] = [];
  const texts: string[] = [];
  for (let from = 0; ; ) {
    const response = await fetch(`${base}/api/snapshots/${id}/items?limit=100&from=${from}`, { headers });
    expect(response.status).toBe(200);
    const text = await response.text();
    texts.push(text);
    const page = JSON.parse(text) as { data: { id?: string }[]; has_more: boolean; next_from: number | null };
    ids.push(...page.data.map((item) => item.id));
    if (!page.has_more) return { ids, texts };
    from = page.next_from!;
  }
}

describe('creating a snapshot', () => {
  it('loads the whole conversation from the source and answers 201 with the snapshot', async () => {
    const response = await create(viewer, { title: 'Bug 42', expires_at: new Date(Date.now() + 86_400_000).toISOString() });
    expect(response.status).toBe(201);
    const snapshot = await response.json();
    expect(snapshot).toMatchObject({ title: 'Bug 42', item_count: ITEMS, excluded_count: 0, source: 'openai', conversation_id: 'conv_generated', origin: 'source' });
    expect(snapshot.url).toBe(`/s/${snapshot.id}`);
    // 24 base64url characters: 144 random bits.
    expect(snapshot.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(Date.parse(snapshot.created_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(snapshot.expires_at)).toBeGreaterThan(Date.now());
    const { ids } = await allItems(viewer, snapshot.id);
    expect(ids).toEqual(generateItems(ITEMS).map((item) => item.id));
  });

  // Four exports, the first HTML one loading the tokenizer: seconds on a busy machine.
  it('leaves excluded content out of every answer: the snapshot, its items, the list and each export', { timeout: 20_000 }, async () => {
    const snapshot = await createOk(viewer, { exclude: { roles: ['system', 'developer'], types: ['reasoning'], item_ids: ['item_000005'] } });
    const all = generateItems(ITEMS);
    const kept = all.filter((item) => item.role !== 'system' && item.type !== 'reasoning' && item.id !== 'item_000005');
    expect(snapshot.item_count).toBe(kept.length);
    expect(snapshot.excluded_count).toBe(ITEMS - kept.length);

    const { ids, texts } = await allItems(viewer, snapshot.id);
    expect(ids).toEqual(kept.map((item) => item.id));
    const answers = [...texts];
    for (const path of [`/api/snapshots/${snapshot.id}`, '/api/snapshots', ...['markdown', 'html', 'json'].map((format) => `/api/snapshots/${snapshot.id}/export?format=${format}`)]) {
      const response = await fetch(`${viewer}${path}`, { headers: AUTH });
      expect(response.status).toBe(200);
      answers.push(await response.text());
    }
    for (const text of answers) {
      for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
      expect(text).not.toContain(upstream.apiKey);
    }
  });

  it('reads on through dropped connections: the server retries a page or the conversation that failed on the way', async () => {
    // The fake upstream's server logs each connection it breaks.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const flaky = await startGeneratedUpstream(ITEMS, 'sk-flaky-test-key', { dropRequests: [1, 3, 4] });
    const server = await startSnapshotViewer({ upstream: flaky, store });
    servers.push(server);
    const snapshot = await createOk(server.url);
    expect(snapshot.item_count).toBe(ITEMS);
    const { ids } = await allItems(server.url, snapshot.id);
    expect(ids).toEqual(generateItems(ITEMS).map((item) => item.id));
    await flaky.close();
  });

  it('refuses bad requests with specific messages and stores nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ conversation_id: 'not-a-conversation' }, 400, 'invalid_conversation_id'],
      [{ source: 'dashscope-intl' }, 400, 'source_not_configured'],
      [{ source: 'nope' }, 404, 'unknown_source'],
      [{ expires_at: 'tomorrow' }, 400, 'invalid_request'],
      [{ expires_at: '2001-01-01T00:00:00Z' }, 400, 'invalid_request'],
      [{ exclude: { roles: 'system' } }, 400, 'invalid_request'],
      [{ conversation_id: 'conv_missing' }, 404, 'not_found'],
    ];
    const before = (await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json()).data.length;
    for (const [body, status, code] of cases) {
      const response = await create(viewer, body);
      expect([response.status, (await response.json()).error.code]).toEqual([status, code]);
    }
    const notJson = await fetch(`${viewer}/api/snapshots`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect((await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json()).data).toHaveLength(before);
  });

  it('refuses an expiry date that passes while the conversation is read, and stores nothing', async () => {
    // The clock moves on by a minute whenever the upstream is asked for items: reading the conversation takes that long.
    const now = Date.now;
    let later = 0;
    const slow = await startGeneratedUpstream(ITEMS, 'sk-slow-test-key', { onRequest: (url) => void (url.pathname.endsWith('/items') && (later += 60_000)) });
    const server = await startSnapshotViewer({ upstream: slow, store });
    servers.push(server);
    vi.spyOn(Date, 'now').mockImplementation(() => now() + later);
    try {
      const before = (await (await fetch(`${server.url}/api/snapshots`, { headers: AUTH })).json()).data.length;
      const expiresAt = new Date(now() + 5_000).toISOString();
      const response = await create(server.url, { conversation_id: slow.conversationId, expires_at: expiresAt });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: 'invalid_request', param: 'expires_at', message: expect.stringMatching(/^'expires_at' \(.+\) is in the past\.$/) });
      expect((await (await fetch(`${server.url}/api/snapshots`, { headers: AUTH })).json()).data).toHaveLength(before);
    } finally {
      vi.mocked(Date.now).mockRestore();
      await slow.close();
    }
  });

  it('applies SNAPSHOT_MAX_ITEMS and the byte cap, each with its own error, and keeps nothing', async () => {
    const small = await start({ maxItems: 100 });
    const tooMany = await create(small);
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toMatchObject({ code: 'snapshot_too_many_items', message: expect.stringContaining('SNAPSHOT_MAX_ITEMS') });
    const tight = await start({ maxBytes: 4096 });
    const tooLarge = await create(tight);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toMatchObject({ code: 'snapshot_too_large', message: expect.stringContaining('SNAPSHOT_MAX_BYTES') });
    const listed = (await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json()).data as { item_count: number }[];
    expect(listed.every((snapshot) => snapshot.item_count > 100)).toBe(true);
  });

  it('counts only the items it keeps against SNAPSHOT_MAX_ITEMS, from both ends and from the start alike', async () => {
    // 700 items, of which the rules below keep 279: more pages than the kept items fill.
    const longer = await startGeneratedUpstream(700);
    servers.push(longer);
    const small = await startSnapshotViewer({ upstream: longer, store, config: { maxItems: 300 } });
    servers.push(small);
    const exclude = { roles: ['system'], types: ['reasoning', 'function_call', 'function_call_output'] };
    for (const redact of [undefined, { kinds: ['email'] }]) {
      const response = await fetch(`${small.url}/api/snapshots`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'openai', conversation_id: longer.conversationId, exclude, redact }),
      });
      const body = await response.json();
      expect([response.status, body.item_count ?? body.error]).toEqual([201, 279]);
    }
  });

  it('limits creation per client: 429 with Retry-After', async () => {
    const limited = await start({ ratePerMinute: 2 });
    expect((await create(limited)).status).toBe(201);
    expect((await create(limited)).status).toBe(201);
    const refused = await create(limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error.code).toBe('rate_limited');
  });
});

describe('a snapshot of a local file', () => {
  it('stores the items the browser sends, marked as from a file, with exclusions applied', async () => {
    // The spec lets some item types go without an ID: such an item is stored and paged like any other.
    const items = [...generateItems(12), { type: 'custom_tool_call_output', call_id: 'call_x', output: 'done' }];
    const response = await fetch(`${viewer}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ file: { conversation: { id: 'conv_local_1', metadata: {} }, items }, title: 'From disk', exclude: { roles: ['system'] } }),
    });
    expect(response.status).toBe(201);
    const snapshot = await response.json();
    expect(snapshot).toMatchObject({ origin: 'file', source: null, source_label: null, conversation_id: 'conv_local_1', item_count: 12, excluded_count: 1 });
    const { ids, texts } = await allItems(viewer, snapshot.id);
    expect(ids).toEqual(items.slice(1).map((item) => item.id));
    const afterId = await (await fetch(`${viewer}/api/snapshots/${snapshot.id}/items?after=item_000010`)).json();
    expect(afterId.data).toEqual([items[11], items[12]]);
    // As the API pages: an empty cursor is the first page, an item the snapshot lacks is not found, a value that is no ID is refused.
    const emptyAfter = await (await fetch(`${viewer}/api/snapshots/${snapshot.id}/items?after=&limit=2`)).json();
    expect(emptyAfter.data.map((item: { id?: string }) => item.id)).toEqual(ids.slice(0, 2));
    const unknown = await fetch(`${viewer}/api/snapshots/${snapshot.id}/items?after=item_999999`);
    expect([unknown.status, (await unknown.json()).error]).toEqual([404, expect.objectContaining({ code: 'not_found', param: 'after', message: expect.stringContaining('item_999999') })]);
    const malformed = await fetch(`${viewer}/api/snapshots/${snapshot.id}/items?after=${encodeURIComponent('not an id')}`);
    expect([malformed.status, (await malformed.json()).error]).toEqual([400, expect.objectContaining({ code: 'invalid_parameter', param: 'after' })]);
    expect(texts.join('')).not.toContain(SECRET.system);
    const markdown = await (await fetch(`${viewer}/api/snapshots/${snapshot.id}/export?format=markdown`)).text();
    expect(markdown).toContain('- **Source:** a file, not read from a source');
    expect(markdown).not.toContain(SECRET.system);
  });

  it('is titled, when given no title, by the first words of the first user message it shares', async () => {
    const items = [
      { id: 'msg_sys', type: 'message', role: 'system', status: 'completed', content: [{ type: 'input_text', text: 'Internal instructions for Project Nightingale' }] },
      { id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Why did Project Nightingale fail\u0000for carol@example.com today?' }] },
      { id: 'msg_2', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'A later question' }] },
    ];
    const response = await fetch(`${viewer}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ file: { conversation: { id: 'conv_local_2', metadata: {} }, items }, exclude: { roles: ['system'] }, redact: { kinds: ['email'], terms: ['Project Nightingale'] } }),
    });
    expect(response.status).toBe(201);
    const snapshot = await response.json();
    expect(snapshot.title).toBe('Why did [TERM_1] fail for [EMAIL_1] today?');
    const listed = (await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json()).data.find((row: { id: string }) => row.id === snapshot.id);
    expect(listed.title).toBe(snapshot.title);
  });

  it('replaces in a title its author typed what the rules replace, numbered on from the items', async () => {
    const items = [{ id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Why did Project Nightingale fail?' }] }];
    const response = await fetch(`${viewer}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ file: { conversation: { id: 'conv_local_3', metadata: {} }, items }, title: 'Nightingale bug, Project Nightingale, for acme', redact: { terms: ['Project Nightingale', 'acme'] } }),
    });
    expect(response.status).toBe(201);
    const snapshot = await response.json();
    expect(snapshot.title).toBe('Nightingale bug, [TERM_1], for [TERM_2]');
    expect(snapshot.manifest.replaced.term).toBe(2);
    const listed = (await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json()).data.find((row: { id: string }) => row.id === snapshot.id);
    expect(listed.title).toBe(snapshot.title);
    expect(JSON.stringify(await (await fetch(`${viewer}/api/snapshots/${snapshot.id}/export?format=json`, { headers: AUTH })).json())).not.toContain('acme');
  });

  it('refuses a file whose items have no type', async () => {
    const response = await fetch(`${viewer}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ file: { items: [{ id: 'msg_1' }] } }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_request', param: 'file.items.0.type' });
  });
});

describe('reading, listing and revoking', () => {
  it('lists snapshots newest first with what the Snapshots page shows', async () => {
    const snapshot = await createOk(viewer, { title: 'Listed' });
    const list = await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json();
    expect(list.data[0]).toMatchObject({ id: snapshot.id, title: 'Listed', source: 'openai', conversation_id: 'conv_generated', item_count: ITEMS, url: snapshot.url });
    expect(list.data[0]).toHaveProperty('created_at');
    expect(list.data[0]).toHaveProperty('expires_at');
  });

  it('answers revoked (410), expired (410) and unknown (404) snapshots with distinct codes', async () => {
    const revoked = await createOk(viewer);
    const del = await fetch(`${viewer}/api/snapshots/${revoked.id}`, { method: 'DELETE', headers: AUTH });
    expect(await del.json()).toEqual({ id: revoked.id, revoked: true });
    const again = await fetch(`${viewer}/api/snapshots/${revoked.id}`, { method: 'DELETE', headers: AUTH });
    expect([again.status, (await again.json()).error.code]).toEqual([410, 'snapshot_revoked']);

    const expiring = await createOk(viewer, { expires_at: new Date(Date.now() + 1500).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1600));

    for (const suffix of ['', '/items', '/export?format=json']) {
      const gone = await fetch(`${viewer}/api/snapshots/${revoked.id}${suffix}`);
      expect([gone.status, (await gone.json()).error.code]).toEqual([410, 'snapshot_revoked']);
      const expired = await fetch(`${viewer}/api/snapshots/${expiring.id}${suffix}`);
      expect([expired.status, (await expired.json()).error.code]).toEqual([410, 'snapshot_expired']);
      const unknown = await fetch(`${viewer}/api/snapshots/AAAAAAAAAAAAAAAAAAAAAAAA${suffix}`);
      expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'snapshot_not_found']);
    }
    const listed = (await (await fetch(`${viewer}/api/snapshots`, { headers: AUTH })).json()).data.map((snapshot: { id: string }) => snapshot.id);
    expect(listed).not.toContain(revoked.id);
  });

  it('exports a snapshot as a download in each format, with the snapshot banner facts', async () => {
    const snapshot = await createOk(viewer, { title: 'Export me', exclude: { types: ['reasoning'] } });
    const json = await fetch(`${viewer}/api/snapshots/${snapshot.id}/export?format=json`);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="Export_me.json"');
    const document = exportDocument.parse(await json.json());
    expect(document.items).toHaveLength(snapshot.item_count);
    expect(document.snapshot).toMatchObject({ id: snapshot.id, excluded_count: snapshot.excluded_count, origin: 'source' });
    const markdown = await (await fetch(`${viewer}/api/snapshots/${snapshot.id}/export?format=markdown`)).text();
    expect(markdown).toContain('# Export me');
    expect(markdown).toContain(`- **Items:** ${snapshot.item_count} (${snapshot.excluded_count} left out)`);
    const html = await fetch(`${viewer}/api/snapshots/${snapshot.id}/export?format=html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // The file's own viewer script, pinned by its hash, and nothing else.
    expect((await html.text()).replace(`<script>${ISLAND_SCRIPT}</script>`, '')).not.toMatch(/<script/i);
    const bad = await fetch(`${viewer}/api/snapshots/${snapshot.id}/export?format=pdf`);
    expect([bad.status, (await bad.json()).error.param]).toEqual([400, 'format']);
  });
});

describe('who can read: VIEWER_SNAPSHOTS', () => {
  it('public: anyone with the link reads that snapshot, its page and the app files; nothing else opens', async () => {
    const snapshot = await createOk(viewer);
    for (const path of [`/s/${snapshot.id}`, `/api/snapshots/${snapshot.id}`, `/api/snapshots/${snapshot.id}/items`, `/api/snapshots/${snapshot.id}/export?format=html`, '/assets/app.js']) {
      expect([path, (await fetch(`${viewer}${path}`)).status]).toEqual([path, 200]);
    }
    for (const [method, path] of [['GET', '/api/snapshots'], ['POST', '/api/snapshots'], ['DELETE', `/api/snapshots/${snapshot.id}`], ['GET', '/api/sources'], ['GET', '/'], ['GET', '/c/conv_generated'], ['GET', '/api/sources/openai/conversations/conv_generated/items'], ['GET', '/api/sources/openai/conversations/conv_generated/export']]) {
      expect([method, path, (await fetch(`${viewer}${path}`, { method })).status]).toEqual([method, path, 401]);
    }
  });

  it('private: the viewer password applies to snapshots too', async () => {
    const privateViewer = await start({ mode: 'private' });
    const snapshot = await createOk(privateViewer);
    for (const path of [`/s/${snapshot.id}`, `/api/snapshots/${snapshot.id}`, `/api/snapshots/${snapshot.id}/items`, `/assets/app.js`]) {
      expect([path, (await fetch(`${privateViewer}${path}`)).status]).toEqual([path, 401]);
    }
    expect((await fetch(`${privateViewer}/api/snapshots/${snapshot.id}`, { headers: AUTH })).status).toBe(200);
  });

  it('off: no snapshots at all, and the sources answer says so', async () => {
    const offViewer = await start({ mode: 'off' });
    expect((await (await fetch(`${offViewer}/api/sources`, { headers: AUTH })).json()).snapshots).toBe('off');
    expect((await (await fetch(`${viewer}/api/sources`, { headers: AUTH })).json()).snapshots).toBe('public');
    const created = await create(offViewer);
    expect([created.status, (await created.json()).error.code]).toEqual([404, 'snapshots_disabled']);
    expect((await fetch(`${offViewer}/api/snapshots/AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(401);
    const read = await fetch(`${offViewer}/api/snapshots/AAAAAAAAAAAAAAAAAAAAAAAA`, { headers: AUTH });
    expect([read.status, (await read.json()).error.code]).toEqual([404, 'snapshots_disabled']);
  });
});

describe('when the answers in flight hold the byte budget', () => {
  it('answers a snapshot read 503 viewer_busy with Retry-After: 1, as a page read through the proxy does', async () => {
    const source = { id: 'openai', label: 'OpenAI', kind: 'openai' as const, baseUrl: upstream.baseUrl, apiKey: upstream.apiKey };
    const config = { mode: 'private' as const, location: { kind: 'pglite' as const, directory: null }, maxItems: 100_000, maxBytes: 256 * 1024 * 1024, ratePerMinute: 0 };
    const roomy = createApiApp({ sources: [source], snapshots: { config, store } });
    const app = createApiApp({ sources: [source], snapshots: { config, store }, maxBytesInFlight: 1_000, timeoutMs: 200 });
    const created = await roomy.request('/api/snapshots', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'openai', conversation_id: upstream.conversationId }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // A reader that takes nothing holds its page's bytes; the next read finds no room in time.
    const holding = await app.request(`/api/snapshots/${id}/items?limit=50`);
    expect(holding.status).toBe(200);
    const refused = await app.request(`/api/snapshots/${id}/items?limit=50`);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '1']);
    expect((await refused.json()).error).toMatchObject({ code: 'viewer_busy', type: 'server_error', param: null });
    await holding.body?.cancel();
  });
});

describe('when the database cannot be reached', () => {
  it('answers 503 store_unavailable, without the connection details', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = createLazyStore({ kind: 'postgres', url: 'postgres://viewer:hunter2@127.0.0.1:1/none' });
    const server = await startSnapshotViewer({ upstream, store: broken });
    servers.push(server);
    for (const response of [await create(server.url), await fetch(`${server.url}/api/snapshots`, { headers: AUTH }), await fetch(`${server.url}/api/snapshots/AAAAAAAAAAAAAAAAAAAAAAAA`)]) {
      const text = await response.text();
      expect([response.status, JSON.parse(text).error.code]).toEqual([503, 'store_unavailable']);
      expect(text).not.toContain('hunter2');
    }
  });
});

describe('a snapshot’s source', () => {
  it('keeps the kind its source had when it was taken: its exports name that provider after the source is reconfigured', async () => {
    const { id } = await createOk(viewer);
    const meta = await (await fetch(`${viewer}/api/snapshots/${id}`, { headers: AUTH })).json();
    expect(meta).toMatchObject({ source: 'openai', source_label: 'OpenAI', source_kind: 'openai' });

    // The same store behind a viewer whose source of that ID now speaks to another provider.
    const reconfigured = await startSnapshotViewer({ upstream, store, source: { label: 'Gateway', kind: 'compatible' } });
    servers.push(reconfigured);
    const exported = exportDocument.parse(await (await fetch(`${reconfigured.url}/api/snapshots/${id}/export?format=json`, { headers: AUTH })).json());
    expect(exported.source).toEqual({ id: 'openai', label: 'OpenAI', kind: 'openai' });
    const otlp = await (await fetch(`${reconfigured.url}/api/snapshots/${id}/export?format=otlp`, { headers: AUTH })).text();
    expect(otlp).toContain('"key":"gen_ai.provider.name","value":{"stringValue":"openai"}');

    // A reader without the password is not told where the snapshot came from.
    const anonymous = exportDocument.parse(await (await fetch(`${reconfigured.url}/api/snapshots/${id}/export?format=json`)).json());
    expect(anonymous.source).toEqual({ id: null, label: null, kind: null });
  });
});

describe('exporting a conversation from its source', () => {
  it('streams every item in order as a download, in each format', async () => {
    const base = `${viewer}/api/sources/openai/conversations/conv_generated/export`;
    const json = await fetch(`${base}?format=json`, { headers: AUTH });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="conv_generated.json"');
    const document = exportDocument.parse(await json.json());
    expect(document.items.map((item) => item.id)).toEqual(generateItems(ITEMS).map((item) => item.id));
    expect(document.source).toEqual({ id: 'openai', label: 'OpenAI', kind: 'openai' });
    expect(document.conversation.id).toBe('conv_generated');
    const markdown = await (await fetch(`${base}?format=markdown`, { headers: AUTH })).text();
    expect(markdown).toContain('### Tool call: lookup');
    expect(markdown).not.toContain(upstream.apiKey);
  });

  it('answers a method a path of the API does not take with 405 and the methods it does, not 404', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/api/sources', 'GET, HEAD'],
      ['DELETE', '/api/sources/openai/conversations/conv_generated/export', 'GET, HEAD, POST'],
      ['DELETE', '/api/snapshots', 'GET, HEAD, POST'],
      ['PUT', '/api/snapshots/snap_abc', 'GET, HEAD, DELETE'],
      ['POST', '/api/snapshots/snap_abc/items', 'GET, HEAD'],
      ['PATCH', '/api/snapshots/snap_abc/export', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await fetch(`${viewer}${path}`, { method, headers: AUTH });
      expect([method, path, response.status, response.headers.get('allow')]).toEqual([method, path, 405, allow]);
      expect((await response.json()).error).toMatchObject({ code: 'method_not_allowed', type: 'invalid_request_error' });
    }
    const unknown = await fetch(`${viewer}/api/nothing-here`, { method: 'PUT', headers: AUTH });
    expect([unknown.status, unknown.headers.get('allow')]).toEqual([404, null]);
  });

  it('answers an upstream failure or a bad format as a JSON error before any download starts', async () => {
    const missing = await fetch(`${viewer}/api/sources/openai/conversations/conv_missing/export?format=json`, { headers: AUTH });
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'not_found']);
    const bad = await fetch(`${viewer}/api/sources/openai/conversations/conv_generated/export?format=docx`, { headers: AUTH });
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, 'invalid_value']);
  });
});
