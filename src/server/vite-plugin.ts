import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { loadEnv, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { createViewer } from './viewer.ts';

type Next = (error?: unknown) => void;

function isServerPath(url: string | undefined): boolean {
  return !!url && (url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz'));
}

/** Mounts the viewer's server app into Vite's dev and preview servers, so both behave like `npm start`. */
export function viewerServer(): Plugin {
  async function mount(server: ViteDevServer | PreviewServer, mode: string) {
    const env = { ...loadEnv(mode, server.config.root, ''), ...process.env };
    const viewer = await createViewer(env);
    const listener = getRequestListener(viewer.app.fetch);
    server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: Next) => {
      if (isServerPath(req.url)) void listener(req, res);
      else next();
    });
    server.httpServer?.once('close', () => void viewer.close());
  }
  return {
    name: 'conversation-viewer-server',
    configureServer: (server) => mount(server, server.config.mode),
    configurePreviewServer: (server) => mount(server, server.config.mode),
  };
}
