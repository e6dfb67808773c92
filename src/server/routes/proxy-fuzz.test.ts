import { createServer, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from './api-routes.ts';
import { listen, type Listening } from '../http/listen.ts';
import { createServerStack } from '../http/server-stack.ts';
import type { Source } from '../sources/sources.ts';

const KEY = 'sk-test-fuzz-key-000000000001';
const MARK = 'FUZZ';
const C = 'conv_abc123';
const INCLUDE = new Set([
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'message.input_image.image_url',
  'computer_call_output.output.image_url',
  'code_interpreter_call.outputs',
  'reasoning.encrypted_content',
  'message.output_text.logprobs',
]);

const PATHS = [
  `/api/sources/demo/conversations/${C}`,
  `/api/sources/demo/conversations/${C}/items`,
  `/api/sources/demo/conversations/${C}/items/msg_1`,
  `/api/sources/openai/conversations/${C}/items`,
  `/api/sources/openai/conversations/${C}/items/fc_1`,
  `/api/sources/demo/conversations/${C}/../../../healthz`,
  `/api/sources/demo/conversations/${C}/%2e%2e/%2e%2e/x`,
  `/api/sources/demo/conversations/${C}/items/..%2f..%2fsecret`,
  `/api/sources/demo/conversations/${C}/items/%2e`,
  '/api/sources/demo/conversations/conv_a%2Fb/items',
  '/api/sources/demo/conversations/conv_a%252Fb/items',
  '/api/sources/demo/conversations/conv_a%5Cb/items',
  '/api/sources/demo/conversations/conv_a\\..\\..\\items',
  '/api/sources/demo/conversations/conv_a%0d%0aX-Injected:%201/items',
  '/api/sources/demo/conversations/conv_a%00b',
  `/api/sources/demo/conversations/conv_${'a'.repeat(300)}`,
  `/api/sources/demo/conversations/conv_${'a'.repeat(6000)}/items`,
  `/api/sources/demo/conversations/${C}/items/${'m'.repeat(201)}`,
  '/api/sources/demo/conversations/http://evil.test/items',
  '/api/sources/demo/conversations/http%3A%2F%2Fevil.test%2Fv1/items',
  '/api/sources/demo/conversations/conv_a@evil.test',
  `//evil.test/api/sources/demo/conversations/${C}`,
  `http://evil.test/api/sources/demo/conversations/${C}/items`,
  `/api/sources/..%2f..%2f/conversations/${C}`,
  `/api/sources/demo%2fv1/conversations/${C}`,
  `/api/sources/DEMO/conversations/${C}`,
  `/api/sources/demo/conversations/${C}/items/msg_1/extra`,
  `/api/sources/demo/conversations/${C}/ITEMS`,
  `/api/sources/demo/conversations/${C}/items/`,
  `/api/sources/demo/conversations/${C}/`,
  '/api/sources/demo/conversations/',
  '/api/sources/demo/',
  '/api/sources/demo/responses/resp_1',
  '/api/sources/demo/files/file_1/content',
  `/api/sources/demo/conversations/${C};x=1`,
  `/api/sources/demo/conversations/${C}%3Fafter=x`,
  `/api/sources/demo/conversations/${C}%23frag`,
  '/api/sources/demo/conversations/conv_%E2%80%AEa',
  '/api/sources/demo/conversations/conv_%C0%AE%C0%AE',
  `/api/sources/demo/./conversations/${C}`,
  `/api/%2e%2e/api/sources/demo/conversations/${C}`,
  `/API/sources/demo/conversations/${C}`,
  `/api/sources/dashscope-intl/conversations/${C}/items`,
  '*',
];

const QUERIES = [
  '',
  '?limit=5&order=asc&after=msg_0',
  '?limit=-1',
  '?limit=1e2',
  '?limit=100000000000000000000',
  '?order=asc%0d%0aX-Injected:%20y',
  '?after=../../x',
  '?after=http://evil.test/',
  `?after=${'a'.repeat(6000)}`,
  '?include=reasoning.encrypted_content&include[]=bogus&include[]=file_search_call.results&include=..%2F',
  `?api_key=${MARK}&url=http://evil.test/&base_url=http://evil.test/`,
  '?limit=5&limit=6&order=desc&order=asc',
  '?after=msg%2F1',
  '?__proto__=x&constructor=y&toString=z',
  '?order[]=asc&limit[]=1',
  '?%zz=1&after=%',
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'];

const HEADER_SETS = [
  [
    `Authorization: Bearer ${MARK}-client-key`,
    `Cookie: session=${MARK}`,
    `X-Forwarded-For: ${MARK}`,
    'X-Forwarded-Host: evil.test',
    `OpenAI-Organization: ${MARK}-org`,
    'Origin: http://evil.test',
    'Accept: text/html',
    `X-HTTP-Method-Override: DELETE`,
    'Range: bytes=0-1',
    'If-None-Match: *',
  ],
  ['Host: evil.test'],
  ['Connection: upgrade', 'Upgrade: websocket'],
  [`X-Long: ${'a'.repeat(20_000)}`],
  ['Content-Type: application/json', 'Content-Length: 17', '', '{"items":[{"x":1}]}'.slice(0, 17)],
];

interface Case {
  method: string;
  target: string;
  headers: string[];
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const path of PATHS) for (const query of QUERIES) all.push({ method: 'GET', target: path + query, headers: [] });
  for (const method of METHODS) for (const path of PATHS.slice(0, 6)) all.push({ method, target: path, headers: [] });
  for (const headers of HEADER_SETS) for (const path of PATHS.slice(0, 5)) all.push({ method: 'GET', target: `${path}?limit=2`, headers });
  return all;
}

/** Sends the request byte for byte, so nothing on the client side cleans the path up first. */
function rawRequest(port: number, { method, target, headers }: Case): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${method} ${target.slice(0, 80)}`));
    }, 5000);
    const body = headers.includes('') ? headers.slice(headers.indexOf('') + 1).join('') : '';
    const lines = headers.includes('') ? headers.slice(0, headers.indexOf('')) : headers;
    const host = lines.some((line) => line.startsWith('Host:')) ? [] : ['Host: 127.0.0.1'];
    socket.write([`${method} ${target} HTTP/1.1`, ...host, ...lines, 'Connection: close', '', body].join('\r\n'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : null, text });
    });
  });
}

const ALLOWED_PATH = /^\/(demo|openai)\/v1\/conversations\/conv_[A-Za-z0-9_-]{1,200}(\/items(\/[A-Za-z0-9][A-Za-z0-9_-]{0,199})?)?$/;
const ACCOUNT_HEADERS = new Set(['openai-organization', 'openai-project']);
const ALLOWED_HEADERS = new Set(['host', 'connection', 'authorization', 'accept', 'accept-language', 'accept-encoding', 'sec-fetch-mode', 'user-agent']);

function problemsWith(seen: { method: string; url: string; headers: IncomingHttpHeaders }): string[] {
  const problems: string[] = [];
  const url = new URL(seen.url, 'http://upstream.invalid');
  const path = ALLOWED_PATH.exec(url.pathname);
  if (seen.method !== 'GET') problems.push(`method ${seen.method}`);
  if (!path) problems.push(`path ${url.pathname}`);
  for (const [key, value] of url.searchParams) {
    const listing = path?.[2] === '/items';
    const ok =
      (listing && key === 'limit' && /^([1-9]|[1-9]\d|100)$/.test(value)) ||
      (listing && key === 'order' && /^(asc|desc)$/.test(value)) ||
      (listing && key === 'after' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/.test(value)) ||
      (path?.[1] === 'openai' && key === 'include[]' && INCLUDE.has(value));
    if (!ok) problems.push(`query ${key}=${value.slice(0, 40)}`);
  }
  for (const [name, value] of Object.entries(seen.headers)) {
    // A client's own OpenAI organization and project go to OpenAI sources only, and only as plain IDs.
    if (ACCOUNT_HEADERS.has(name) && path?.[1] === 'openai' && /^[A-Za-z0-9_-]{1,128}$/.test(String(value))) continue;
    if (!ALLOWED_HEADERS.has(name)) problems.push(`header ${name}`);
    if (String(value).includes(MARK)) problems.push(`header ${name} carries client input`);
  }
  if (seen.headers.authorization !== `Bearer ${KEY}`) problems.push('authorization is not the source key');
  return problems;
}

let recording: { port: number; seen: { method: string; url: string; headers: IncomingHttpHeaders }[]; close: () => Promise<void> };
let viewer: Listening;

beforeAll(async () => {
  const seen: typeof recording.seen = [];
  // Always healthy, so that any 5xx in the fuzz is the proxy's own doing.
  const upstream = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path = new URL(req.url ?? '/', 'http://upstream.invalid').pathname;
    const item = { id: 'msg_1', type: 'message', role: 'user', content: 'hi' };
    const body = /\/items$/.test(path)
      ? { object: 'list', data: [item], first_id: 'msg_1', last_id: 'msg_1', has_more: false }
      : /\/items\//.test(path)
        ? item
        : { id: C, object: 'conversation', created_at: 1, metadata: {} };
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const port = (upstream.address() as AddressInfo).port;
  recording = { port, seen, close: () => new Promise((resolve) => upstream.close(() => resolve())) };
  const sources: Source[] = [
    { id: 'demo', label: 'Demo', kind: 'demo', baseUrl: `http://127.0.0.1:${port}/demo/v1`, apiKey: KEY },
    { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: `http://127.0.0.1:${port}/openai/v1`, apiKey: KEY },
  ];
  viewer = await listen(createServerStack({ api: createApiApp({ sources, timeoutMs: 5000 }), access: null, log: () => {} }), '127.0.0.1', 0);
});
afterAll(async () => {
  await viewer.close();
  await recording.close();
});

describe('the proxy under fuzzing', () => {
  it('forwards nothing outside the allow-list and never fails on its own', { timeout: 60_000 }, async () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    const port = Number(new URL(viewer.url).port);
    const answers: { target: string; method: string; status: number | null; text: string }[] = [];
    for (let start = 0; start < all.length; start += 8) {
      const batch = all.slice(start, start + 8);
      const results = await Promise.all(batch.map((entry) => rawRequest(port, entry)));
      results.forEach((result, index) => answers.push({ ...result, target: batch[index].target, method: batch[index].method }));
    }

    const serverErrors = answers.filter((answer) => answer.status !== null && answer.status >= 500);
    expect(serverErrors.map((answer) => `${answer.status} ${answer.method} ${answer.target.slice(0, 100)}`)).toEqual([]);
    const leaks = answers.filter((answer) => answer.text.includes(KEY) || /set-cookie/i.test(answer.text));
    expect(leaks.map((answer) => answer.target.slice(0, 100))).toEqual([]);

    const forwarded = recording.seen.map((seen) => ({ url: seen.url, problems: problemsWith(seen) }));
    expect(forwarded.filter((entry) => entry.problems.length > 0)).toEqual([]);
    // The fuzz must also have exercised the forwarding path, not only the rejections.
    expect(recording.seen.length).toBeGreaterThan(20);
    // Every GET that succeeded went upstream once; a HEAD may be answered from a recent GET of the same path.
    const succeeded = answers.filter((answer) => answer.status === 200);
    expect(succeeded.filter((answer) => answer.method !== 'HEAD').length).toBeLessThanOrEqual(recording.seen.length);
    expect(recording.seen.length).toBeLessThanOrEqual(succeeded.length);
  });
});
