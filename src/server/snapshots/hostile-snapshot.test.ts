import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportDocument } from '../../shared/export/export-document.ts';
import { ISLAND_SCRIPT } from '../../shared/export/html-island.ts';
import { demoConversations } from '../demo/conversations.ts';
import { startDemoUpstream } from '../demo/start-demo-upstream.ts';
import { createLazyStore } from '../store/open-store.ts';
import { AUTH, startSnapshotViewer } from '../testing/snapshot-viewer.ts';

const HOSTILE = 'conv_69b4f6a8hostile8190d5e7f9a1b3c5d7e9';
let demo: Awaited<ReturnType<typeof startDemoUpstream>>;
let viewer: Awaited<ReturnType<typeof startSnapshotViewer>>;
const store = createLazyStore({ kind: 'pglite', directory: null });

beforeAll(async () => {
  demo = await startDemoUpstream();
  viewer = await startSnapshotViewer({ upstream: demo, store });
  await store.get();
}, 60_000);

afterAll(async () => {
  await viewer.close();
  await demo.close();
  await store.close();
});

it('stores, reads back and exports the hostile demo conversation (huge, deeply nested, malformed) intact', async () => {
  const expected = demoConversations().find((conversation) => conversation.conversation.id === HOSTILE)!;
  const created = await fetch(`${viewer.url}/api/snapshots`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'openai', conversation_id: HOSTILE }),
  });
  expect(created.status).toBe(201);
  const snapshot = await created.json();
  expect(snapshot.item_count).toBe(expected.items.length);

  const items = await (await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/items?limit=1000`)).json();
  expect(items.data).toEqual(JSON.parse(JSON.stringify(expected.items)));

  const document = exportDocument.parse(await (await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/export?format=json`)).json());
  expect(document.items.map((item) => item.id)).toEqual(expected.items.map((item) => item.id));
  const markdown = await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/export?format=markdown`);
  expect(markdown.status).toBe(200);
  expect((await markdown.text()).length).toBeGreaterThan(1000);
  const html = await fetch(`${viewer.url}/api/snapshots/${snapshot.id}/export?format=html`);
  expect(html.status).toBe(200);
  // The file's own viewer script, pinned by its hash, and nothing else.
  expect((await html.text()).replace(`<script>${ISLAND_SCRIPT}</script>`, '')).not.toMatch(/<script/i);
}, 60_000);
