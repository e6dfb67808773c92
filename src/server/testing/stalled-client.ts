import { connect, type Socket } from 'node:net';

/**
 * A client on loopback that sends a GET (or `method`) of `path` and reads nothing until `drain` says how much of the
 * answer had come and whether the server closed the connection. Its socket goes into `sockets`, for the test to destroy.
 */
export function stalledClient(port: number, path: string, sockets: Socket[], method: 'GET' | 'HEAD' = 'GET') {
  const socket = connect(port, '127.0.0.1');
  socket.write(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  socket.pause();
  sockets.push(socket);
  return {
    drain: () =>
      new Promise<{ bytes: number; closed: boolean }>((resolve) => {
        let bytes = 0;
        const done = (closed: boolean) => resolve({ bytes, closed });
        socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
        socket.once('close', () => done(true));
        socket.once('error', () => done(true));
        setTimeout(() => done(false), 2_000);
        socket.resume();
      }),
  };
}
