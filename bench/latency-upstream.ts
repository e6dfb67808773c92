import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const item = (index: number) => ({
  id: `msg_${String(index).padStart(4, '0')}`,
  type: 'message',
  role: index % 2 ? 'assistant' : 'user',
  status: 'completed',
  content: [{ type: index % 2 ? 'output_text' : 'input_text', text: `Message ${index}: ${'lorem ipsum dolor sit amet '.repeat(4)}`, annotations: [] }],
});

/** A page of twenty ordinary messages (about 5 KB), the same for every request, made once. */
const PAGE = Buffer.from(JSON.stringify({ object: 'list', data: Array.from({ length: 20 }, (_, index) => item(index)), first_id: 'msg_0000', last_id: 'msg_0019', has_more: false }));
const CONVERSATION = Buffer.from(JSON.stringify({ id: 'conv_bench', object: 'conversation', created_at: 1_760_000_000, metadata: {} }));

/** A provider that answers every Conversations API GET after a fixed delay, as a distant API does; loopback only. */
export function startLatencyUpstream(latencyMs: number): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = (req.url ?? '').includes('/items') ? PAGE : CONVERSATION;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength, 'x-request-id': 'req_bench' });
      res.end(body);
    }, latencyMs);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
      server.closeIdleConnections();
    });
  });
}
