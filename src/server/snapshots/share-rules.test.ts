import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntry, isToolOutput } from '../../shared/items/item-catalog.ts';
import { EXPORT_FORMATS } from '../../shared/export/export-formats.ts';
import { demoConversations } from '../demo/conversations.ts';
import { startDemoUpstream } from '../demo/start-demo-upstream.ts';
import { createLazyStore } from '../store/open-store.ts';
import { AUTH, startSnapshotViewer } from '../testing/snapshot-viewer.ts';

type Item = { id?: string; type: string; [field: string]: unknown };

const agentRun = demoConversations().find((demo) => demo.title.startsWith('Agent run'))!;
const conversationId = agentRun.conversation.id;
let upstream: Awaited<ReturnType<typeof startDemoUpstream>>;
let viewer: Awaited<ReturnType<typeof startSnapshotViewer>>;
const store = createLazyStore({ kind: 'pglite', directory: null });

beforeAll(async () => {
  upstream = await startDemoUpstream();
  viewer = await startSnapshotViewer({ upstream, store });
  await store.get();
}, 60_000);

afterAll(async () => {
  await viewer.close();
  await upstream.close();
  await store.close();
});

function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) strings(child, into);
  return into;
}

function at(item: Item, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), item);
}

/** A run of plain letters and digits from a value, long enough to be its own, so escaping in any format keeps it whole. */
function needle(value: string): string | null {
  const runs = value.match(/[A-Za-z0-9][A-Za-z0-9 ]{13,}[A-Za-z0-9]/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0]?.slice(0, 40) ?? null;
}

/** Every value the rules must leave out of the agent run, as needles, less any that kept text also holds. */
function leftOutNeedles(): string[] {
  const left: string[] = [];
  const kept: string[] = [];
  for (const item of agentRun.items as Item[]) {
    const holds = catalogEntry(item.type)?.holds ?? {};
    if (isToolOutput(item.type) || item.type === 'reasoning') {
      const { id: _id, call_id: _callId, type: _type, status: _status, ...content } = item;
      left.push(...strings(content));
      continue;
    }
    const paths = [...(holds.outputs ?? []), ...(holds.images ?? []), ...(holds.ciphertext ?? [])];
    for (const path of paths) left.push(...strings(at(item, path)));
    const rest = structuredClone(item) as Record<string, unknown>;
    for (const path of paths) if (!path.includes('.')) delete rest[path];
    kept.push(...strings(rest));
  }
  const keptText = kept.join('\n');
  return [...new Set(left.map(needle).filter((value): value is string => value !== null && !keptText.includes(value)))];
}

async function text(path: string) {
  const response = await fetch(`${viewer.url}${path}`, { headers: AUTH });
  expect(`${path}: ${response.status}`).toBe(`${path}: 200`);
  return response.text();
}

const RULES = { exclude: { content: ['tool_outputs', 'reasoning', 'images', 'encrypted'] }, redact: { kinds: ['email', 'secret'], terms: ['checkout-web'] } };

// Each test reads the run several times and writes every export format: generous on a busy machine.
describe('a snapshot that leaves out what sits inside items', { timeout: 30_000 }, () => {
  it('keeps every left-out value out of the stored rows, the items API and every export format, and says what it left out', async () => {
    const needles = leftOutNeedles();
    expect(needles.length).toBeGreaterThan(20);
    const response = await fetch(`${viewer.url}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'openai', conversation_id: conversationId, ...RULES }),
    });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.manifest.left_out).toMatchObject({ reasoning: 3, encrypted: 1 });
    expect(created.manifest.left_out.tool_outputs).toBeGreaterThanOrEqual(16);
    expect(created.manifest.original).toMatchObject({ items: agentRun.items.length });
    expect(created.manifest.original.failures).toBeGreaterThan(0);
    expect(created.manifest.replaced.term).toBe(1);

    const opened = await store.get();
    const rows = (await opened.items(created.id, -1, 10_000)).map((row) => row.json).join('\n');
    const lookup = await opened.get(created.id);
    const stored = rows + (lookup.status === 'ok' ? JSON.stringify(lookup.snapshot.conversation) : '');
    const answers = [stored, await text(`/api/snapshots/${created.id}`), await text(`/api/snapshots/${created.id}/items?limit=1000`)];
    for (const format of Object.keys(EXPORT_FORMATS)) answers.push(await text(`/api/snapshots/${created.id}/export?format=${format}`));
    for (const answer of answers) {
      for (const value of needles) expect(answer).not.toContain(value);
      expect(answer).not.toMatch(/checkout-web/i);
    }
    // The calls stay: their names and arguments remain readable.
    expect(stored).toContain('"name":"list_commits"');
    expect(stored).toContain('[TERM_1]');
    expect((await fetch(`${viewer.url}/api/snapshots/${created.id}`, { headers: AUTH }).then((answer) => answer.json())).manifest).toEqual(created.manifest);
  });

  it('says in its downloads what its page says: why items went, and the failures its rules hid', async () => {
    const response = await fetch(`${viewer.url}/api/snapshots`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'openai', conversation_id: conversationId, exclude: { roles: ['system', 'developer'], content: ['tool_outputs'] } }),
    });
    expect(response.status).toBe(201);
    const created = await response.json();
    const failures = created.manifest.original.failures as number;
    expect(failures).toBe(2);
    const html = await text(`/api/snapshots/${created.id}/export?format=html`);
    expect(html).toContain('<dt>Failures</dt><dd>none shown here; the original run had 2 failures, left out of this snapshot</dd>');
    expect(html).toContain('3 items (system and developer messages)');
    expect(await text(`/api/snapshots/${created.id}/export?format=markdown`)).toContain('3 items (system and developer messages)');
    // OpenTelemetry: a left-out answer is marked so, not an empty result, and the root span has the original's failures.
    const spans = JSON.parse(await text(`/api/snapshots/${created.id}/export?format=otlp`)).resourceSpans[0].scopeSpans[0].spans as { name: string; attributes: { key: string; value: { stringValue?: string; intValue?: string } }[] }[];
    const attribute = (span: (typeof spans)[number], key: string) => span.attributes.find((entry) => entry.key === key)?.value;
    const tools = spans.filter((span) => span.name.startsWith('execute_tool'));
    expect(tools.length).toBeGreaterThan(10);
    expect(tools.filter((span) => attribute(span, 'gen_ai.tool.call.result')?.stringValue === '')).toEqual([]);
    expect(tools.filter((span) => attribute(span, 'conversation_viewer.left_out')?.stringValue === 'tool output').length).toBeGreaterThan(10);
    expect(attribute(spans.find((span) => span.name === 'invoke_agent')!, 'conversation_viewer.original.failures')).toEqual({ intValue: '2' });
  });

  it('applies the same rules to a download of the live conversation, in every format', async () => {
    const needles = leftOutNeedles();
    const bodies = new Map<string, string>();
    for (const format of Object.keys(EXPORT_FORMATS)) {
      const response = await fetch(`${viewer.url}/api/sources/openai/conversations/${conversationId}/export`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ format, ...RULES }),
      });
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const body = await response.text();
      for (const value of needles) expect(body).not.toContain(value);
      expect(body).not.toMatch(/checkout-web/i);
      expect(body).toContain('[TERM_1]');
      expect(body).toContain('list_commits');
      bodies.set(format, body);
    }
    // It says what its rules left out and replaced, at its top and where each thing was, as a snapshot's export does.
    for (const readable of [bodies.get('markdown'), bodies.get('html')]) {
      expect(readable).toContain('tool outputs, reasoning, images, encrypted content');
      expect(readable).toContain('email addresses, keys, 1 term');
      expect(readable).toContain('Reasoning left out of this download.');
      expect(readable).toContain('Output left out of this download.');
      expect(readable).not.toContain('left out of this snapshot');
    }
    expect(JSON.parse(bodies.get('json')!).rules).toMatchObject({ content: RULES.exclude.content, kinds: RULES.redact.kinds, terms: 1 });
    const bad = await fetch(`${viewer.url}/api/sources/openai/conversations/${conversationId}/export`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'markdown', exclude: { content: ['everything'] } }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/unknown content category 'everything'/);
  });

  it('heads a download with the title its author typed, its terms replaced, and names the file after it', async () => {
    const response = await fetch(`${viewer.url}/api/sources/openai/conversations/${conversationId}/export`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'markdown', ...RULES, title: 'Checkout-web outage notes' }),
    });
    const body = await response.text();
    // Markdown escapes the brackets, as it does every pseudonym in the text.
    expect(body).toMatch(/^# \\\[TERM_1\\\] outage notes$/m);
    expect(body).not.toMatch(/checkout-web/i);
    // The same term in the items takes the title's pseudonym.
    expect(body.match(/\[TERM_\d+\]/g)?.every((pseudonym) => pseudonym === '[TERM_1]')).toBe(true);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="TERM_1_outage_notes_shared.md"');
    // Without a title, the file is named after the conversation, apart from its full download.
    const untitled = await fetch(`${viewer.url}/api/sources/openai/conversations/${conversationId}/export`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', ...RULES }),
    });
    expect(untitled.headers.get('content-disposition')).toBe(`attachment; filename="${conversationId}_shared.json"`);
  });

  it('previews the manifest and a few replacements, storing nothing', async () => {
    const opened = await store.get();
    const before = (await opened.list()).length;
    const response = await fetch(`${viewer.url}/api/snapshots/preview`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'openai', conversation_id: conversationId, ...RULES }),
    });
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({ object: 'snapshot.preview', manifest: { left_out: { reasoning: 3, encrypted: 1 } } });
    expect(preview.samples).toContainEqual({ kind: 'term', value: 'checkout-web', pseudonym: '[TERM_1]' });
    expect((await opened.list()).length).toBe(before);
  });

  it('refuses an unknown category or kind and oversized terms with a 400 naming them, and stores nothing', async () => {
    const opened = await store.get();
    const before = (await opened.list()).length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ exclude: { content: ['tool_outputs', 'logs'] } }, /unknown content category 'logs'/],
      [{ redact: { kinds: ['address'] } }, /unknown redaction kind 'address'/],
      [{ redact: { terms: Array.from({ length: 101 }, (_, index) => `term ${index}`) } }, /at most 100 terms/],
      [{ redact: { terms: ['x'.repeat(201)] } }, /a term is at most 200 characters/],
      // A misspelt rule would otherwise share everything it meant to leave out.
      [{ exlude: { roles: ['system', 'developer', 'user'] } }, /exlude/],
    ];
    for (const [rules, message] of cases) {
      for (const path of ['/api/snapshots', '/api/snapshots/preview']) {
        const response = await fetch(`${viewer.url}${path}`, {
          method: 'POST',
          headers: { ...AUTH, 'content-type': 'application/json' },
          body: JSON.stringify({ source: 'openai', conversation_id: conversationId, ...rules }),
        });
        expect(response.status).toBe(400);
        expect((await response.json()).error.message).toMatch(message);
      }
    }
    expect((await opened.list()).length).toBe(before);
  });
});
