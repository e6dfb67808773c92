import { Hono } from 'hono';
import type { AccessControl } from '../http/access-control.ts';
import { createSourceExportRoute } from '../exports/source-export-route.ts';
import { createGate } from '../upstream/gate.ts';
import { jsonError, methodAnswered, methodNotAllowed } from '../http/json-error.ts';
import { createByteBudget } from '../upstream/byte-budget.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES_IN_FLIGHT, type UpstreamReader } from '../upstream/upstream-read.ts';
import { createProxy, type PageAnswer, type PageRequest } from './proxy-routes.ts';
import type { UpstreamFetch } from '../upstream/node-fetch.ts';
import { newViewerRequestId } from '../http/request-id.ts';
import type { SnapshotConfig } from '../snapshots/snapshot-config.ts';
import { createSnapshotRoutes } from '../snapshots/snapshot-routes.ts';
import { toPublicSource, type Source } from '../sources/sources.ts';
import type { LazyStore } from '../store/open-store.ts';
import type { DemoExample, DemoExamplesAnswer, SourcesAnswer } from '../../shared/contract/shapes.ts';

export type { DemoExample };

export interface AppOptions {
  sources: readonly Source[];
  /** Listed on the home page when the demo source is configured. */
  demoExamples?: readonly DemoExample[];
  timeoutMs?: number;
  /** The largest upstream answer the proxy reads; anything bigger is refused with 502 upstream_too_large. */
  maxBytes?: number;
  /** How many upstream requests run at once; more wait their turn. */
  concurrency?: number;
  /** The bytes answers in flight may hold together, from the upstream's first byte to the client's last. */
  maxBytesInFlight?: number;
  fetch?: UpstreamFetch;
  /** Stored snapshots; without them /api/snapshots does not exist. */
  snapshots?: { config: SnapshotConfig; store: LazyStore };
  remoteImages?: RemoteImages;
  /** The viewer's access control, so that public snapshots show their origin only to a signed-in reader. */
  access?: AccessControl | null;
}

/** `ask`: the browser loads remote images only after a click (VIEWER_REMOTE_IMAGES). */
export type RemoteImages = 'load' | 'ask';

export const INTERNAL_ERROR_MESSAGE = 'The viewer server failed on this request.';
export const logServerError = (error: Error) => console.error(JSON.stringify({ level: 'error', message: error.message }));

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** The API app, with the page relay for the server stack's Node lane (see `createServerStack`). */
export type ApiApp = Hono & { answerPage: (request: PageRequest) => Promise<PageAnswer> };

/**
 * The headers every API answer carries, whichever way it was served: no shared cache may keep it, and it has the
 * viewer's own request id (`id`), which also stands in for the upstream's when no upstream answered.
 */
export function apiHeaders(upstreamRequestId: string | null | undefined, id: string) {
  return { 'cache-control': 'private, no-store', 'x-viewer-request-id': id, 'x-request-id': upstreamRequestId ?? id };
}

/** The API the browser talks to. The same app runs in the Vite dev server, in preview and in production. */
export function createApiApp({
  sources,
  demoExamples = [],
  timeoutMs = DEFAULT_TIMEOUT_MS,
  maxBytes = DEFAULT_MAX_BYTES,
  concurrency = DEFAULT_CONCURRENCY,
  maxBytesInFlight = DEFAULT_MAX_BYTES_IN_FLIGHT,
  fetch,
  remoteImages = 'load',
  snapshots,
  access = null,
}: AppOptions): ApiApp {
  const app = new Hono();
  const hasDemo = sources.some((source) => source.kind === 'demo');

  // Conversations are private: no shared cache along the way may keep a copy. The viewer's own request id has a
  // header of its own; x-request-id, which the official SDKs read, is the upstream's when one answered (providers'
  // support asks for it), else the viewer's own, so that its own errors (a bad limit, a write) can be traced too.
  app.use('/api/*', async (c, next) => {
    await next();
    // Set on the answer as it is: c.header() after the handler would copy the whole answer, body and all.
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(apiHeaders(headers.get('x-request-id'), newViewerRequestId()))) headers.set(name, value);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/api/sources', (c) =>
    c.json({
      sources: sources.map(toPublicSource),
      defaultSource: sources[0]?.id ?? null,
      remoteImages,
      // So the page offers "Share snapshot…" only where snapshots can be made.
      snapshots: snapshots?.config.mode ?? 'off',
    } satisfies SourcesAnswer),
  );
  // Apart from the sources, which every page reads: only the home page shows them.
  app.get('/api/demo-examples', (c) => c.json({ examples: hasDemo ? [...demoExamples] : [] } satisfies DemoExamplesAnswer));
  app.all('/api/demo-examples', (c) => methodNotAllowed(c, 'GET, HEAD'));
  // One gate and one byte budget for every upstream request: the proxy's pages, streams, exports and snapshots alike.
  const gate = createGate(concurrency);
  const budget = createByteBudget(maxBytesInFlight);
  const reader: UpstreamReader = { timeoutMs, maxBytes, fetch, gate, budget };
  app.route('/api/sources', createSourceExportRoute(sources, reader));
  const proxy = createProxy(sources, reader);
  app.route('/api/sources', proxy.routes);
  if (snapshots) app.route('/api/snapshots', createSnapshotRoutes({ ...snapshots, sources, reader, access }));
  app.all('/api/sources', (c) => methodNotAllowed(c, 'GET, HEAD'));
  app.all('/api/*', (c) => jsonError(c, 404, `No such endpoint: ${methodAnswered(c)} ${c.req.path.slice(0, 200)}`, 'not_found'));

  app.onError((error, c) => {
    logServerError(error);
    return jsonError(c, 500, INTERNAL_ERROR_MESSAGE, 'internal_error', 'server_error');
  });

  return Object.assign(app, { answerPage: proxy.answerPage });
}
