import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../sources/sources.ts';
import { getFromUpstream } from './get-from-upstream.ts';

let server: Server;
let source: Source;
let connections = 0;
const usedSockets = new WeakSet<object>();
let resets = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    // A kept connection the server drops as the next request arrives on it, as an upstream closing idle ones does.
    const reused = usedSockets.has(req.socket);
    usedSockets.add(req.socket);
    if (req.url?.startsWith('/v1/drop-reused') && reused && resets === 0) {
      resets += 1;
      return void req.socket.destroy();
    }
    if (req.url?.startsWith('/v1/redirect')) return void res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
    if (req.url?.startsWith('/v1/stall')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.write('{"object":"list","data":[');
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1' }).end('{"id":"conv_1","object":"conversation"}');
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  source = { id: 'openai', label: 'Upstream', kind: 'openai', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, apiKey: 'sk-test-0123456789' };
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { timeoutMs: 300, maxBytes: 1024 * 1024 };

describe('the upstream transport', () => {
  it('reads answers over one kept-alive connection', async () => {
    const before = connections;
    for (let round = 0; round < 3; round += 1) {
      const result = await getFromUpstream(source, '/conversations/conv_1', options);
      expect(result).toMatchObject({ ok: true, body: { id: 'conv_1' }, requestId: 'req_1' });
    }
    expect(connections - before).toBe(1);
  });

  it('sends a GET again, once, when a kept connection was closed while idle', async () => {
    await getFromUpstream(source, '/conversations/conv_1', options);
    const result = await getFromUpstream(source, '/drop-reused', options);
    expect(resets).toBe(1);
    expect(result).toMatchObject({ ok: true, body: { id: 'conv_1' } });
  });

  it('treats a redirect as unreachable, never following it', async () => {
    const result = await getFromUpstream(source, '/redirect', options);
    expect(result).toMatchObject({ ok: false, status: 502, error: { code: 'upstream_unreachable', message: expect.stringContaining('redirect') } });
  });

  it('times out a body that stops halfway, as a timeout', async () => {
    const result = await getFromUpstream(source, '/stall', options);
    expect(result).toMatchObject({ ok: false, status: 504, error: { code: 'upstream_timeout' } });
  });
});
