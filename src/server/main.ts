import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { listen } from './listen.ts';
import { createViewer } from './viewer.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

const clientDir = fileURLToPath(new URL('../client', import.meta.url));
const viewer = await createViewer(process.env);
const app = new Hono();

app.route('/', viewer.app);
// Hashed file names never change content, so the browser may keep them for good.
app.use('/assets/*', async (c, next) => {
  await next();
  if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
});
app.use('*', serveStatic({ root: clientDir }));
// Every other path is a client-side route: answer with the app shell, never cached.
app.get('*', serveStatic({ root: clientDir, path: 'index.html', onFound: (_path, c) => c.header('cache-control', 'no-cache') }));

const host = process.env.HOST?.trim() || '127.0.0.1';
const port = Number(process.env.PORT) || 5173;
const { url } = await listen(app.fetch, host, port);
console.log(`Conversation Viewer: ${url} (sources: ${viewer.sources.map((source) => source.id).join(', ')})`);
