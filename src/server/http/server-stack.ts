import { performance } from 'node:perf_hooks';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { isAuthorized, isOpenPath, UNAUTHORIZED_BODY, unauthorizedHeaders, type AccessControl } from './access-control.ts';
import { accessLogLine, type LogWriter } from './access-log.ts';
import { securityHeaders } from './security-headers.ts';

export interface ServerAppOptions {
  api: Hono;
  access: AccessControl | null;
  log: LogWriter;
  /** The built browser app; without it only the API is served. */
  clientDir?: string;
  /** VIEWER_SNAPSHOTS=public: a snapshot's page and data need no credentials. */
  publicSnapshots?: boolean;
}

/** The production server: the API and the built app behind logging, security headers and access control. */
export function createServerApp({ api, access, log, clientDir, publicSnapshots = false }: ServerAppOptions) {
  const app = new Hono();
  const headers = securityHeaders();
  let closing = false;

  // Outermost, so the line records the final status whatever answered.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ids = { requestId: c.res.headers.get('x-viewer-request-id'), upstreamRequestId: c.res.headers.get('x-request-id') };
    log(accessLogLine({ method: c.req.method, url: c.req.url, status: c.res.status, durationMs: performance.now() - started, ...ids }));
  });
  // Every answer, page or API, error or not, carries the policy.
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    if (closing) c.res.headers.set('connection', 'close');
  });
  if (access) {
    // Pages and API alike: an unauthenticated visitor sees neither the app nor any conversation.
    app.use('*', async (c, next) => {
      if (isOpenPath(c.req.path, c.req.method, publicSnapshots, new URL(c.req.url).search) || isAuthorized(access, c.req.header('authorization'))) return next();
      return c.body(UNAUTHORIZED_BODY, 401, unauthorizedHeaders(access));
    });
  }

  app.route('/', api);
  if (clientDir) {
    // Hashed file names never change content, so the browser may keep them for good.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: clientDir }));
    // A missing asset (an old build's hash) is missing: the app shell in its place would be cached for good.
    app.get('/assets/*', (c) => c.text('Not found', 404));
    // Every other path is a client-side route: answer with the app shell, never cached.
    app.get('*', serveStatic({ root: clientDir, path: 'index.html', onFound: (_path, c) => c.header('cache-control', 'no-cache') }));
  }
  return {
    app,
    /** From now on, answers ask the client to close its connection, so keep-alive does not hold shutdown up. */
    startClosing: () => {
      closing = true;
    },
  };
}
