import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultUpstream } from '../testing/fault-upstream.ts';
import { createLazyStore } from '../store/open-store.ts';
import { AUTH, startSnapshotViewer } from '../testing/snapshot-viewer.ts';

let upstream: Awaited<ReturnType<typeof startFaultUpstream>>;
let viewer: Awaited<ReturnType<typeof startSnapshotViewer>>;
const store = createLazyStore({ kind: 'pglite', directory: null });

beforeAll(async () => {
  upstream = await startFaultUpstream();
  viewer = await startSnapshotViewer({ upstream: { baseUrl: upstream.baseUrl, apiKey: 'sk-hostile-data-test-key' }, store });
  await store.get();
}, 60_000);
afterAll(async () => {
  await viewer.close();
  await upstream.close();
  await store.close();
});

type Line = { type: string; end?: string; items?: { id: string }[]; error?: { code: string } };

async function stream(conversationId: string) {
  const response = await fetch(`${viewer.url}/api/sources/openai/conversations/${conversationId}/stream`, { headers: AUTH });
  expect(response.status).toBe(200);
  const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as Line);
  const head = lines.filter((line) => line.end === 'head').flatMap((line) => line.items!);
  const tail = lines.filter((line) => line.end === 'tail').flatMap((line) => line.items!);
  return { last: lines.at(-1), ids: [...head, ...tail.reverse()].map((item) => item.id) };
}

function post(body: unknown) {
  return fetch(`${viewer.url}/api/snapshots`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function created(body: unknown) {
  const response = await post(body);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

describe('the stream', () => {
  it('retries a connection the upstream reset as it was reused, and loses nothing', async () => {
    const { last, ids } = await stream('conv_fault_resetonce_stream');
    expect(last).toEqual({ type: 'done' });
    expect(ids).toEqual(Array.from({ length: 450 }, (_, index) => `msg_${String(index).padStart(4, '0')}`));
  });

  it('keeps going past an item ID that appears at both ends, instead of stopping there', async () => {
    const { last, ids } = await stream('conv_fault_dupends');
    expect(last).toEqual({ type: 'done' });
    expect(ids).toEqual([...Array.from({ length: 249 }, (_, index) => `msg_${String(index).padStart(4, '0')}`), 'msg_0000']);
    const snapshot = await created({ source: 'openai', conversation_id: 'conv_fault_dupends' });
    expect((await (await fetch(`${viewer.url}/api/snapshots/${snapshot.id}`)).json()).item_count).toBe(250);
  });
});

describe('snapshot requests with hostile values', () => {
  it.each([
    ['a NUL in the title', { source: 'openai', conversation_id: 'conv_fault_ok', title: 'a\u0000b' }, 'title'],
    ['a NUL in an item ID', { file: { conversation: {}, items: [{ id: 'msg_\u0000', type: 'message' }] } }, 'file.items.0.id'],
    ['an expiry past the year 9999', { source: 'openai', conversation_id: 'conv_fault_ok', expires_at: '9999-12-31T23:59:59-23:59' }, 'expires_at'],
  ])('answer 400 for %s', async (_what, body, param) => {
    const response = await post(body);
    expect([response.status, (await response.json()).error.param]).toEqual([400, param]);
  });

  it('answer 502 upstream_malformed, not 500, when the source sends an item ID with a NUL in it', async () => {
    const response = await post({ source: 'openai', conversation_id: 'conv_fault_nulid' });
    expect([response.status, (await response.json()).error.code]).toEqual([502, 'upstream_malformed']);
  });

  it('store and read back a conversation object nested 5,000 deep', async () => {
    const snapshot = await created({ source: 'openai', conversation_id: 'conv_fault_deep' });
    const response = await fetch(`${viewer.url}/api/snapshots/${snapshot.id}`, { headers: AUTH });
    expect(response.status).toBe(200);
    let node = (await response.json()).conversation.metadata.nested;
    let depth = 0;
    while (typeof node === 'object') [node, depth] = [node.nested, depth + 1];
    expect([node, depth]).toEqual(['bottom', 5_000]);
    for (const format of ['json', 'markdown', 'html']) {
      expect((await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/export?format=${format}`)).status).toBe(200);
    }
  });
});

describe('a public snapshot', () => {
  it('tells an anonymous reader neither its source nor the original conversation ID; its signed-in author sees both', async () => {
    const snapshot = await created({ source: 'openai', conversation_id: 'conv_fault_ok_private' });
    const anonymous = await Promise.all(
      [`/api/snapshots/${snapshot.id}`, `/api/snapshots/${snapshot.id}/items`, ...['json', 'markdown', 'html'].map((format) => `/api/snapshots/${snapshot.id}/export?format=${format}`)].map(
        async (path) => {
          const response = await fetch(`${viewer.url}${path}`);
          expect([path, response.status]).toEqual([path, 200]);
          return response.text();
        },
      ),
    );
    for (const text of anonymous) {
      expect(text).not.toContain('conv_fault_ok_private');
      expect(text).not.toMatch(/openai/i);
    }
    expect(JSON.parse(anonymous[0])).toMatchObject({ id: snapshot.id, source: null, source_label: null, source_kind: null, conversation_id: null, item_count: 3 });

    const author = await (await fetch(`${viewer.url}/api/snapshots/${snapshot.id}`, { headers: AUTH })).json();
    expect(author).toMatchObject({ source: 'openai', source_label: 'OpenAI', source_kind: 'openai', conversation_id: 'conv_fault_ok_private', conversation: { id: 'conv_fault_ok_private' } });
    const exported = await (await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/export?format=markdown`, { headers: AUTH })).text();
    expect(exported).toContain('conv_fault_ok_private');
  });
});
