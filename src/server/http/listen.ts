import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

type FetchHandler = (request: Request, env: never) => Response | Promise<Response>;

export interface Listening {
  server: ServerType;
  url: string;
  close: () => Promise<void>;
}

/** Serves a fetch handler (a Hono app's), or a server stack's Node `listener`, on `hostname:port`. */
export function listen(handler: FetchHandler | { listener: RequestListener }, hostname: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const started = (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        server,
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    };
    const server: ServerType =
      typeof handler === 'function'
        ? serve({ fetch: handler as never, hostname, port }, started)
        : createServer(handler.listener).listen(port, hostname, () => started(server.address() as AddressInfo));
    server.once('error', reject);
  });
}
