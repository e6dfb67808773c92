import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context } from 'hono';
import { isAuthorized, isOpenPath, UNAUTHORIZED_BODY, unauthorizedHeaders, type AccessControl } from './access-control.ts';
import { accessLogLine, type LogWriter } from './access-log.ts';
import { compressedResponse, type CompressionMode } from './compression.ts';
import { createPageLane } from './page-lane.ts';
import { pageShells } from './page-shell.ts';
import { contentSecurityPolicy, securityHeaders } from './security-headers.ts';
import { signInPage, SIGN_IN_STYLE_HASH, wantsPage } from './sign-in-page.ts';
import type { ApiApp } from '../routes/api-routes.ts';

export interface ServerStackOptions {
  api: ApiApp;
  access: AccessControl | null;
  /** Where the access log goes; without it no line is made at all (benchmarks). */
  log?: LogWriter;
  /** The built browser app; without it only the API is served. */
  clientDir?: string;
  /** VIEWER_SNAPSHOTS=public: a snapshot's page and data need no credentials. */
  publicSnapshots?: boolean;
  /** The nonce the dev server's inline scripts and styles carry, allowed by the policy. */
  nonce?: string;
  /** When the API's answers are compressed (VIEWER_COMPRESSION); `auto` when not given. */
  compression?: CompressionMode;
  /** Answers what is not the viewer's (Vite's modules and pages), after the policy and access control. */
  passThrough?: (incoming: IncomingMessage, outgoing: ServerResponse) => void;
}

type NodeEnv = { incoming: IncomingMessage; outgoing: ServerResponse } | undefined;

/** A read that does not wait: the chunk when one is ready, else undefined. */
const readIfReady = <T>(read: Promise<T>) => Promise.race([read, Promise.resolve().then(() => undefined)]);

/**
 * The length of a body that is already whole (a JSON answer made from a string), read as Node's adapter reads a GET's
 * to give its length: a few reads that do not wait. Null for a body still being made (a stream); the body is cancelled.
 */
async function lengthIfWhole(body: ReadableStream<Uint8Array>): Promise<number | null> {
  const reader = body.getReader();
  let read: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  let bytes = 0;
  try {
    // As the adapter (@hono/node-server) reads: two reads, the first ready at once; a second not ready yet gets one turn
    // of the event loop and a third read.
    let reads = 2;
    for (let tries = 0; tries < reads; tries += 1) {
      read ??= reader.read();
      const chunk = await readIfReady(read);
      if (!chunk) {
        if (tries !== 1) return null;
        await new Promise((resolve) => setTimeout(resolve));
        reads = 3;
        continue;
      }
      read = null;
      if (chunk.done) return bytes;
      bytes += chunk.value.byteLength;
    }
    return null;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The one middleware stack: logging, security headers and access control in front of the API and the app, whether
 * the built app (`main.ts`) or Vite's dev and preview servers (`vite-plugin.ts`, through `passThrough`) serve the pages.
 * `listener` serves Node's requests: the proxy's page reads through the page lane (the same relay and policy, without
 * a web Request and Response each), everything else through `app`.
 */
/** Marks the sign-in page's answer for the policy, which allows its style block; never sent. */
const SIGN_IN_HEADER = 'x-viewer-sign-in-page';

export function createServerStack({ api, access, log, clientDir, publicSnapshots = false, nonce, compression = 'auto', passThrough }: ServerStackOptions) {
  const app = new Hono();
  const headers = Object.entries(securityHeaders({ nonce }));
  let closing = false;

  // Outermost, so the line records the final status whatever answered; what Vite serves is Vite's to log.
  if (log) app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    if (c.res === RESPONSE_ALREADY_SENT) return;
    const ids = { requestId: c.res.headers.get('x-viewer-request-id'), upstreamRequestId: c.res.headers.get('x-request-id') };
    log(accessLogLine({ method: c.req.method, url: c.req.url, status: c.res.status, durationMs: performance.now() - started, ...ids }));
  });
  // HEAD: Hono makes the GET's answer and drops its body unread, which would keep what that body holds (its bytes in
  // the byte budget, a compressor) for as long as the process runs. The body is cancelled here, which releases them;
  // a body already whole is measured first, so HEAD says the length GET would.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'HEAD' || c.res === RESPONSE_ALREADY_SENT || !c.res.body) return;
    const measured = c.res.headers.has('content-length') || c.res.headers.has('content-encoding') || c.res.headers.has('transfer-encoding');
    const length = measured ? null : await lengthIfWhole(c.res.body);
    if (measured) await c.res.body.cancel().catch(() => undefined);
    const head = new Headers(c.res.headers);
    if (length !== null) head.set('content-length', String(length));
    c.res = new Response(null, { status: c.res.status, statusText: c.res.statusText, headers: head });
  });
  // Every answer, page or API, error or not, carries the policy.
  app.use('*', async (c, next) => {
    await next();
    if (c.res === RESPONSE_ALREADY_SENT) return;
    for (const [name, value] of headers) c.res.headers.set(name, value);
    if (c.res.headers.has(SIGN_IN_HEADER)) {
      c.res.headers.delete(SIGN_IN_HEADER);
      c.res.headers.set('content-security-policy', contentSecurityPolicy({ nonce, styleHashes: [SIGN_IN_STYLE_HASH] }));
    }
    if (closing) c.res.headers.set('connection', 'close');
  });
  if (access) {
    // Pages and API alike: an unauthenticated visitor sees neither the app nor any conversation.
    app.use('*', async (c, next) => {
      if (isOpenPath(c.req.path, c.req.method, publicSnapshots, new URL(c.req.url).search) || isAuthorized(access, c.req.header('authorization'))) return next();
      // A browser opening a page gets a page that says how to sign in; the API, scripts and SDKs get the API's JSON.
      // (A password's: a browser asks for nothing when the viewer takes only a token, and the API's answer says so.)
      if (access.passwordHash && wantsPage(c.req.method, c.req.path, c.req.header('accept'))) {
        return c.body(signInPage({ publicSnapshots }), 401, { ...unauthorizedHeaders(access), 'content-type': 'text/html; charset=utf-8', [SIGN_IN_HEADER]: '1' });
      }
      return c.body(UNAUTHORIZED_BODY, 401, unauthorizedHeaders(access));
    });
  }

  // The API's answers (JSON, the item stream, exports) go compressed to a client elsewhere that takes it.
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.res === RESPONSE_ALREADY_SENT) return;
    const remoteAddress = (c.env as NodeEnv)?.incoming.socket.remoteAddress;
    const answer = await compressedResponse(c.res, c.req.header('accept-encoding'), remoteAddress, compression, c.req.method === 'HEAD');
    if (answer === c.res) return;
    // Hono copies the old answer's headers onto a new one (its length too): the new one's own are put back.
    c.res = answer;
    for (const [name, value] of answer.headers) c.res.headers.set(name, value);
    if (!answer.headers.has('content-length')) c.res.headers.delete('content-length');
  });
  app.route('/', api);
  if (clientDir) {
    // Hashed file names never change content, so the browser may keep them for good.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    // The app shell, never cached, naming the code of the page a path opens.
    const shellFor = pageShells(clientDir);
    const shell = (c: Context) => {
      const html = shellFor(c.req.path);
      if (html === null) return c.text('Not found', 404);
      c.header('cache-control', 'no-cache');
      // A transcript, a snapshot or a comparison is somebody's conversation: a link shared in public is not for search
      // engines to keep. The home page says only what the viewer is.
      if (c.req.path !== '/') c.header('x-robots-tag', 'noindex, nofollow, noarchive');
      return c.html(html);
    };
    app.get('/', shell);
    // The build writes a brotli and a gzip copy of each asset (precompress.ts): sent to browsers that take them. The
    // copy as built says so too (serveStatic says it only of a compressed one), or a shared cache would keep it for all.
    app.use('*', async (c, next) => {
      await next();
      if (c.res.ok && !/accept-encoding/i.test(c.res.headers.get('vary') ?? '')) c.res.headers.append('vary', 'accept-encoding');
    });
    app.use('*', serveStatic({ root: clientDir, precompressed: true }));
    // A missing asset (an old build's hash) is missing: the app shell in its place would be cached for good.
    app.get('/assets/*', (c) => c.text('Not found', 404));
    // Every other path is a client-side route.
    app.get('*', shell);
  } else if (passThrough) {
    app.all('*', (c) => {
      const { incoming, outgoing } = c.env as NonNullable<NodeEnv>;
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      passThrough(incoming, outgoing);
      return RESPONSE_ALREADY_SENT;
    });
  }
  const pageLane = createPageLane({ api, access, log, policy: Object.fromEntries(headers), compression, closing: () => closing });
  const honoListener = getRequestListener(app.fetch);
  return {
    app,
    listener: (incoming: IncomingMessage, outgoing: ServerResponse) => {
      if (!pageLane(incoming, outgoing)) void honoListener(incoming, outgoing);
    },
    /** From now on, answers ask the client to close its connection, so keep-alive does not hold shutdown up. */
    startClosing: () => {
      closing = true;
    },
  };
}
