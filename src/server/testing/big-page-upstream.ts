import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback Conversations API whose conversation `conv_big` has `count` messages of `itemBytes` letters each, one
 * per page however many are asked for, so every page is big. Pages are answered from a real socket, as an upstream
 * would, so a reader that stops reading holds the answer up.
 */
export async function startBigPageUpstream({ count, itemBytes }: { count: number; itemBytes: number }) {
  const text = 'x'.repeat(itemBytes);
  const item = (index: number) => ({ id: `msg_${String(index).padStart(4, '0')}`, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      const json = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    };
    if (url.pathname === '/v1/conversations/conv_big') return send(200, { id: 'conv_big', object: 'conversation', created_at: 1_760_000_000, metadata: {} });
    if (url.pathname !== '/v1/conversations/conv_big/items') return send(404, { error: { message: 'Not found', type: 'invalid_request_error', code: null, param: null } });
    const desc = url.searchParams.get('order') === 'desc';
    const after = url.searchParams.get('after');
    const afterIndex = after ? Number(after.slice(4)) : desc ? count : -1;
    const index = desc ? afterIndex - 1 : afterIndex + 1;
    const data = index >= 0 && index < count ? [item(index)] : [];
    const more = desc ? index > 0 : index < count - 1;
    send(200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[0]?.id ?? null, has_more: data.length > 0 && more });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey: 'sk-big-page-test-key-0001',
    conversationId: 'conv_big',
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
