import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadConfig } from '../config.ts';
import { settingsIn } from '../env-setting.ts';
import { createViewer } from '../create-viewer.ts';
import { stdoutLog } from './access-log.ts';
import { createServerStack } from './server-stack.ts';

type Next = (error?: unknown) => void;

/**
 * Mounts the viewer's server stack into Vite's dev and preview servers, so both behave like `npm start`: the same
 * stack (API, access control, security headers, access log) answers every request, and hands what is not the
 * viewer's to Vite. The dev server's HTML carries inline scripts (React refresh) and its CSS arrives as <style>
 * tags, so dev allows them by a nonce.
 */
export function viewerServer(): Plugin {
  const devNonce = randomBytes(16).toString('base64');

  async function mount(server: ViteDevServer | PreviewServer, nonce?: string) {
    // Not Vite's loadEnv: it would expand `$` in a password or key and read `.env.local` and `.env.<mode>` too, so
    // the dev server would run with other settings than production.
    const viewer = await createViewer(loadConfig(settingsIn(server.config.root)));
    // Vite's own next step for each request it handed over.
    const nexts = new WeakMap<IncomingMessage, Next>();
    const stack = createServerStack({
      api: viewer.app,
      access: viewer.access,
      log: stdoutLog,
      publicSnapshots: viewer.publicSnapshots,
      compression: viewer.compression,
      nonce,
      passThrough: (incoming) => nexts.get(incoming)?.(),
    });
    server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: Next) => {
      nexts.set(req, next);
      stack.listener(req, res);
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
    configureServer: (server) => mount(server, devNonce),
    configurePreviewServer: (server) => mount(server),
  };
}
