import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { stdoutLog } from './access-log.ts';
import { listen } from './listen.ts';
import { createServerApp } from './server-app.ts';
import { closeGracefully, DEFAULT_SHUTDOWN_MS, onShutdownSignal } from './shutdown.ts';
import { ConfigError } from './sources-file.ts';
import { createViewer } from './viewer.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

const clientDir = fileURLToPath(new URL('../client', import.meta.url));
const viewer = await createViewer(process.env).catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Conversation Viewer cannot start. ${error.message}`);
  process.exit(1);
});
const server = createServerApp({ api: viewer.app, access: viewer.access, log: stdoutLog, clientDir, publicSnapshots: viewer.publicSnapshots });

const host = process.env.HOST?.trim() || '127.0.0.1';
// PORT=0 picks a free port; the line printed at the end says which.
const port = process.env.PORT?.trim() ? Number(process.env.PORT) : 5173;
const listening = await listen(server.app.fetch, host, port);

onShutdownSignal(async (signal) => {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal }));
  server.startClosing();
  await closeGracefully(listening.server as Server, DEFAULT_SHUTDOWN_MS);
  // The demo upstream goes last: requests in flight may still have been reading from it.
  await viewer.close();
});

// Said once the shutdown handler is in place, so that whoever waits for this line can stop the server cleanly.
const protection = viewer.access ? 'password required' : 'no password';
console.log(`Conversation Viewer: ${listening.url} (sources: ${viewer.sources.map((source) => source.id).join(', ')}; ${protection})`);
