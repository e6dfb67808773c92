import type { Server } from 'node:http';

export const DEFAULT_SHUTDOWN_MS = 10_000;

/**
 * Stops accepting connections, lets requests in flight finish, and resolves once the server is closed;
 * connections still open after `timeoutMs` are cut so that shutdown is bounded.
 */
export function closeGracefully(server: Server, timeoutMs = DEFAULT_SHUTDOWN_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Runs `shutdown` once on the first SIGTERM or SIGINT; a second signal exits at once. */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>) {
  let started = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (started) process.exit(1);
      started = true;
      void shutdown(signal).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
