import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import { loadEnv, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { isAuthorized, isOpenPath, UNAUTHORIZED_BODY, unauthorizedHeaders } from './access-control.ts';
import { accessLogLine, stdoutLog } from './access-log.ts';
import { securityHeaders } from './security-headers.ts';
import { loadConfig } from '../config.ts';
import { createViewer } from '../create-viewer.ts';

type Next = (error?: unknown) => void;

function isServerPath(url: string | undefined): boolean {
  return !!url && (url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz'));
}

/**
 * Mounts the viewer's server app into Vite's dev and preview servers, so both behave like `npm start`:
 * same API, same access control, same security headers, same access log. The dev server's HTML carries
 * inline scripts (React refresh) and its CSS arrives as <style> tags, so dev allows them by a nonce.
 */
export function viewerServer(): Plugin {
  const devNonce = randomBytes(16).toString('base64');

  async function mount(server: ViteDevServer | PreviewServer, mode: string, nonce?: string) {
    const env = { ...loadEnv(mode, server.config.root, ''), ...process.env };
    const viewer = await createViewer(loadConfig(env));
    const listener = getRequestListener(viewer.app.fetch);
    const headers = securityHeaders({ nonce });
    server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: Next) => {
      const started = performance.now();
      // Vite serves hundreds of modules per page load; the log keeps to the viewer's API and refusals.
      res.once('finish', () => {
        if (!isServerPath(req.url) && res.statusCode !== 401) return;
        const ids = { requestId: String(res.getHeader('x-viewer-request-id') ?? ''), upstreamRequestId: String(res.getHeader('x-request-id') ?? '') };
        stdoutLog(accessLogLine({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode, durationMs: performance.now() - started, ...ids }));
      });
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      const [path, query = ''] = (req.url ?? '').split('?', 2);
      if (viewer.access && !isOpenPath(path, req.method, viewer.publicSnapshots, query) && !isAuthorized(viewer.access, req.headers.authorization)) {
        res.writeHead(401, unauthorizedHeaders(viewer.access));
        res.end(UNAUTHORIZED_BODY);
        return;
      }
      if (isServerPath(req.url)) void listener(req, res);
      else next();
    });
    server.httpServer?.once('close', () => void viewer.close());
  }
  return {
    name: 'conversation-viewer-server',
    // Dev only: the built app has no inline script or style, so preview and production need no nonce.
    // No CORS in dev or preview either: another local site must not read conversations through them.
    config: (_config, { command, isPreview }) => ({
      server: { cors: false },
      preview: { cors: false },
      ...(command === 'serve' && !isPreview ? { html: { cspNonce: devNonce } } : {}),
    }),
    configureServer: (server) => mount(server, server.config.mode, devNonce),
    configurePreviewServer: (server) => mount(server, server.config.mode),
  };
}
