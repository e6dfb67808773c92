import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConversations } from '../demo/conversations.ts';
import { startTestViewer } from '../testing/test-server.ts';
import { startRecordedViewer } from '../testing/recording-upstream.ts';

const run = promisify(execFile);
const LONG_ID = 'conv_69a0c3e71d2c8190b5f4e6a8d13c7b20';
const long = demoConversations().find((demo) => demo.conversation.id === LONG_ID)!;
const longIds = long.items.map((item) => item.id);
const CLIENT = fileURLToPath(new URL('../testing/openai-python-client.py', import.meta.url));
// Kept between runs so the package is installed once; node_modules is never committed.
const VENV = fileURLToPath(new URL('../../../node_modules/.cache/openai-python-venv', import.meta.url));
const venvPython = join(VENV, 'bin', 'python');

/** A virtual environment with the official openai package, or the reason there is none. */
async function preparePython(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const python = process.env.PYTHON ?? 'python3';
  if (existsSync(venvPython) && (await run(venvPython, ['-c', 'import openai']).then(() => true, () => false))) return { ok: true };
  try {
    await run(python, ['-m', 'venv', '--clear', VENV], { timeout: 60_000 });
  } catch (error) {
    return { ok: false, reason: `no Python with venv (${python}: ${(error as Error).message.split('\n')[0]})` };
  }
  try {
    // Fail fast where no package index answers: one try, a short timeout.
    await run(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--retries', '0', '--timeout', '10', 'openai'], { timeout: 180_000 });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `pip could not install the openai package (${(error as Error).message.split('\n').find((line) => /ERROR/.test(line)) ?? 'no package index reachable'})` };
  }
}

const python = await preparePython();
if (!python.ok) console.log(`Skipping the official openai Python SDK test: ${python.reason}.`);

interface SeenByPython {
  version: string;
  asc: string[];
  desc: string[];
  conversation: string;
  request_id: string | null;
  item: Record<string, unknown>;
  missing: { class: string; status: number } | null;
  bad_limit: { class: string; status: number; message: string; request_id: string | null } | null;
  openai_source: { final: { class: string; status: number; request_id: string | null } | null; later: string };
}

describe.skipIf(!python.ok)('the official openai Python SDK through the viewer', () => {
  let viewer: Awaited<ReturnType<typeof startTestViewer>>;
  let recorded: Awaited<ReturnType<typeof startRecordedViewer>>;
  let seen: SeenByPython;

  beforeAll(async () => {
    viewer = await startTestViewer();
    recorded = await startRecordedViewer();
    const args = [CLIENT, `${viewer.url}/api/sources/demo`, LONG_ID, long.items[41].id, `${recorded.url}/api/sources/openai`];
    const { stdout } = await run(venvPython, args, { timeout: 60_000 });
    seen = JSON.parse(stdout) as SeenByPython;
  }, 120_000);
  afterAll(async () => {
    await viewer?.close();
    await recorded?.close();
  });

  it('auto-paginates all 350 items of the long demo conversation, in both orders', () => {
    expect(seen.asc).toEqual(longIds);
    expect(seen.desc).toEqual([...longIds].reverse());
  });

  it('retrieves the conversation, with the upstream request id, and a single item as stored', () => {
    expect(seen.conversation).toBe(LONG_ID);
    expect(seen.request_id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(seen.item).toEqual(long.items[41]);
  });

  it('raises NotFoundError for a missing conversation and BadRequestError for a bad limit', () => {
    expect(seen.missing).toMatchObject({ class: 'NotFoundError', status: 404 });
    expect(seen.bad_limit).toMatchObject({ class: 'BadRequestError', status: 400, message: expect.stringContaining('limit') });
  });

  it("reads the viewer's own request id from the viewer's own error", () => {
    expect(seen.bad_limit?.request_id).toMatch(/^vreq_[0-9a-f]{32}$/);
  });

  it('sends its organization and project through to an OpenAI source', () => {
    const sent = recorded.upstream.seen.find((headers) => headers.get('openai-organization') === 'org-python');
    expect(sent?.get('openai-project')).toBe('proj_python');
  });

  it('hits a 500 that says x-should-retry: false once, and comes back after retry-after-ms', () => {
    expect(seen.openai_source.final).toMatchObject({ class: 'InternalServerError', status: 500, request_id: 'req_final' });
    expect(recorded.upstream.hits.get('conv_always_fails')).toHaveLength(1);
    expect(seen.openai_source.later).toBe('conv_fails_once_python');
    const [first, second] = recorded.upstream.hits.get('conv_fails_once_python') ?? [];
    expect(second - first).toBeGreaterThanOrEqual(280);
    expect(second - first).toBeLessThan(5_000);
  });
});
