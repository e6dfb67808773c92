import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { stdoutLog } from './http/access-log.ts';
import { listen } from './http/listen.ts';
import { createServerStack } from './http/server-stack.ts';
import { loadConfig, type ViewerConfig } from './config.ts';
import { closeGracefully, DEFAULT_SHUTDOWN_MS, onShutdownSignal } from './http/shutdown.ts';
import { ConfigError } from './sources/sources-file.ts';
import { createViewer } from './create-viewer.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

// The set-up is checked before anything starts, so a mistake leaves nothing running.
let config: ViewerConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Conversation Viewer cannot start. ${error.message}`);
  process.exit(1);
}
const clientDir = fileURLToPath(new URL('../client', import.meta.url));
const viewer = await createViewer(config).catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Conversation Viewer cannot start. ${error.message}`);
  process.exit(1);
});
const server = createServerStack({ api: viewer.app, access: viewer.access, log: stdoutLog, clientDir, publicSnapshots: viewer.publicSnapshots, compression: viewer.compression });

// PORT=0 picks a free port; the line printed at the end says which.
const listening = await listen(server, config.host, config.port).catch(async (error: NodeJS.ErrnoException) => {
  const reasons: Record<string, string> = {
    EADDRINUSE: 'is in use by another program',
    EACCES: 'needs rights this process does not have',
    EADDRNOTAVAIL: 'is not an address of this machine',
    ENOTFOUND: 'names no host this machine can find',
    EAI_AGAIN: 'names no host this machine can find',
  };
  const reason = error.code ? reasons[error.code] : undefined;
  if (!reason) throw error;
  await viewer.close();
  const what = error.code === 'EADDRINUSE' || error.code === 'EACCES' ? `PORT ${config.port} on ${config.host}` : `HOST ${config.host}`;
  console.error(`Conversation Viewer cannot start. ${what} ${reason} (${error.code}).`);
  process.exit(1);
});

onShutdownSignal(async (signal) => {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal }));
  server.startClosing();
  await closeGracefully(listening.server as Server, DEFAULT_SHUTDOWN_MS);
  // The demo upstream goes last: requests in flight may still have been reading from it.
  await viewer.close();
});

// Said once the shutdown handler is in place, so that whoever waits for this line can stop the server cleanly.
const protection = viewer.access ? 'password required' : 'no password';
const sourceIds = viewer.sources.map((source) => source.id).join(', ') || 'none';
console.log(`Conversation Viewer: ${listening.url} (sources: ${sourceIds}; ${protection})`);
if (config.snapshots.mode === 'private' && !viewer.access) {
  console.error('VIEWER_SNAPSHOTS=private keeps snapshots behind the password, but no VIEWER_PASSWORD or VIEWER_TOKEN is set: anyone who can reach the viewer reads them.');
}
if (viewer.sources.length === 0) {
  console.error('No source is configured, so only files and snapshots can be read: set DASHSCOPE_API_KEY, OPENAI_API_KEY, VIEWER_SOURCE_<NAME>_* or VIEWER_SOURCES_FILE, or turn VIEWER_DEMO back on.');
}
