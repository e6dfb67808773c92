import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

type FetchHandler = (request: Request, env: never) => Response | Promise<Response>;

export interface Listening {
  server: ServerType;
  url: string;
  close: () => Promise<void>;
}

export function listen(fetch: FetchHandler, hostname: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fetch as never, hostname, port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        server,
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
