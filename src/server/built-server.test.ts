import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultUpstream } from './testing/fault-upstream.ts';

const CANARIES = {
  OPENAI_API_KEY: 'sk-test-LEAK-CANARY-openai-7f3a9c1e5b',
  DASHSCOPE_API_KEY: 'sk-LEAK-CANARY-dashscope-2d8e4b6a0c',
  VIEWER_PASSWORD: 'LEAK-CANARY-password-9b1d3f',
  VIEWER_TOKEN: 'LEAK-CANARY-token-5e7a2c4d',
};
const SECRETS = [...Object.values(CANARIES), Buffer.from(`x:${CANARIES.VIEWER_PASSWORD}`).toString('base64')];
const AUTH = { authorization: `Basic ${Buffer.from(`x:${CANARIES.VIEWER_PASSWORD}`).toString('base64')}` };
const root = process.cwd();
const vite = join(root, 'node_modules/.bin/vite');

let dir: string;
let upstream: Awaited<ReturnType<typeof startFaultUpstream>>;
let env: NodeJS.ProcessEnv;

function build(args: string[]) {
  const result = spawnSync(vite, ['build', '--logLevel', 'error', ...args], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr}`);
}

function filesUnder(path: string): string[] {
  return readdirSync(path, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Starts the built server on a free port; resolves once it says where it listens. */
function startBuilt(): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [join(dir, 'server/main.js')], { cwd: dir, env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the built server did not start: ${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Conversation Viewer: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output, exited });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`the built server exited: ${output}`)));
  });
}

beforeAll(async () => {
  // Inside node_modules so that the server bundle finds its dependencies, as it does in dist/.
  mkdirSync(join(root, 'node_modules/.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'node_modules/.tmp/viewer-built-'));
  upstream = await startFaultUpstream();
  env = {
    PATH: process.env.PATH,
    ...CANARIES,
    OPENAI_BASE_URL: upstream.baseUrl,
    DASHSCOPE_BASE_URL: upstream.baseUrl,
    UPSTREAM_TIMEOUT_SECONDS: '1',
    UPSTREAM_MAX_BYTES: '65536',
  };
  // Built with the keys in the environment, as someone might by mistake on a server that holds them.
  build(['--outDir', join(dir, 'client'), '--emptyOutDir']);
  build(['--ssr', 'src/server/main.ts', '--outDir', join(dir, 'server'), '--emptyOutDir']);
}, 90_000);

afterAll(async () => {
  await upstream?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('holds no key in any built file', () => {
    const files = filesUnder(dir);
    expect(files.some((file) => file.endsWith('index.html'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${file}`)).toEqual([]);
    }
  });

  it('sends no key in any answer or log line, whatever it is asked, and shuts down gracefully on SIGTERM', { timeout: 60_000 }, async () => {
    const server = await startBuilt();
    const html = await (await fetch(server.url, { headers: AUTH })).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]);
    const conversation = (source: string, id: string) => `/api/sources/${source}/conversations/${id}`;
    const paths = [
      '/',
      '/healthz',
      '/c/conv_fault_ok?source=openai',
      '/no/such/page',
      ...assets,
      '/api/sources',
      '/api/nope',
      conversation('openai', 'conv_fault_ok'),
      `${conversation('openai', 'conv_fault_ok')}/items?limit=2&include=reasoning.encrypted_content`,
      `${conversation('openai', 'conv_fault_ok')}/items/msg_0001`,
      `${conversation('dashscope-intl', 'conv_fault_ok')}/items`,
      `${conversation('demo', 'conv_68f2a91c4be08190b3d5e27a61c40f9d')}/items`,
      ...['401', '403', '404', '429', '500', '502', '503', 'timeout', 'reset', 'html', 'truncated', 'shape', 'large', 'headers'].flatMap((fault) => [
        `${conversation('openai', `conv_fault_${fault}`)}/items`,
        `${conversation('dashscope-intl', `conv_fault_${fault}`)}/items`,
      ]),
      conversation('openai', 'not-an-id'),
      conversation('nope', 'conv_x'),
      `${conversation('openai', 'conv_x')}/items?limit=0`,
    ];
    const answers: string[] = [];
    for (const path of paths) {
      for (const headers of [AUTH, {}, { authorization: `Bearer ${CANARIES.VIEWER_TOKEN}` }]) {
        const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
        answers.push(`${path} ${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
      }
    }
    const posted = await fetch(`${server.url}${conversation('openai', 'conv_fault_ok')}/items`, { method: 'POST', headers: AUTH, body: '{}' });
    answers.push(await posted.text());
    expect(posted.status).toBe(405);
    // The upstream really was asked with the key, and one fault quotes it back: the proxy must have redacted it.
    expect(upstream.requests.some((request) => request.authorization === `Bearer ${CANARIES.OPENAI_API_KEY}`)).toBe(true);
    expect(answers.join('\n')).toContain('Incorrect API key provided: [redacted]');

    const slow = fetch(`${server.url}${conversation('openai', 'conv_fault_slow')}/items`, { headers: AUTH });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow('fetch failed');
    const finished = await slow;
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as { data: unknown[] }).data).toHaveLength(3);
    expect(await server.exited).toBe(0);

    const everything = `${answers.join('\n')}\n${server.output()}`;
    expect(SECRETS.filter((secret) => everything.includes(secret))).toEqual([]);
    const logLines = server.output().split('\n').filter((line) => line.startsWith('{'));
    const requests = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request');
    // Every request above, plus the first page load and the slow one.
    expect(requests.length).toBe(answers.length + 2);
    expect(requests.at(-1)).toMatchObject({ method: 'GET', path: `${conversation('openai', 'conv_fault_slow')}/items`, status: 200 });
    expect(logLines.some((line) => line.includes('"shutting down"'))).toBe(true);
  });

  it('does not start with a sources file that has mistakes, and lists each in plain words', { timeout: 30_000 }, () => {
    const file = join(dir, 'bad-sources.json');
    writeFileSync(file, JSON.stringify({ sources: [{ name: 'Azure EU', baseUrl: 'https://eu.example/v1', apiKeyEnv: 'NOT_SET_ANYWHERE' }, { name: 'gw', baseUrl: 'ftp://gw.example', apiKey: 'k' }] }));
    const result = spawnSync(process.execPath, [join(dir, 'server/main.js')], { cwd: dir, env: { ...env, PORT: '0', VIEWER_SOURCES_FILE: file }, encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Conversation Viewer cannot start. VIEWER_SOURCES_FILE (${file}) has 3 mistakes:`);
    // All at once, in the file's order: the operator fixes the file once.
    expect(result.stderr).toContain("sources[0].name: must be 1 to 40 lower-case letters, digits or '-'");
    expect(result.stderr).toContain('sources[0]: apiKeyEnv names NOT_SET_ANYWHERE, which is not set');
    expect(result.stderr).toContain('sources[1].baseUrl: must be an http:// or https:// URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  // Three starts of the built server, each bounded by its own 15 s: on a busy machine together they take more than the default 5 s.
  it('says which setting is wrong when its port is taken or its data directory is a file, without a stack trace', { timeout: 60_000 }, async () => {
    const run = (extra: Record<string, string>) => spawnSync(process.execPath, [join(dir, 'server/main.js')], { cwd: dir, env: { ...env, HOST: '127.0.0.1', ...extra }, encoding: 'utf8', timeout: 15_000 });
    const taken = await startBuilt();
    try {
      const port = new URL(taken.url).port;
      const result = run({ PORT: port, VIEWER_DATA_DIR: join(dir, 'data-second') });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Conversation Viewer cannot start. PORT ${port} on 127.0.0.1 is in use by another program (EADDRINUSE).`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.child.kill('SIGTERM');
      await taken.exited;
    }
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, '');
    const result = run({ PORT: '0', VIEWER_DATA_DIR: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Conversation Viewer cannot start. VIEWER_DATA_DIR (${file}) cannot be used as the snapshot store's directory (EEXIST).`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
