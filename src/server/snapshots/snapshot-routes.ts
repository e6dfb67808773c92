import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ITEM_ID_PATTERN, SNAPSHOT_ID_PATTERN } from '../../lib/ids.ts';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { isAuthorized, type AccessControl } from '../http/access-control.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { exportFormatParam, exportResponse } from '../exports/export-response.ts';
import { nameForFile } from '../../shared/export/export-formats.ts';
import { jsonError, methodNotAllowed } from '../http/json-error.ts';
import { checkConversationId, findSource } from '../sources/source-lookup.ts';
import type { Source } from '../sources/sources.ts';
import type { LazyStore } from '../store/open-store.ts';
import type { Snapshot, SnapshotMeta, SnapshotStore } from '../store/snapshot-store.ts';
import { checkExpiry, createSnapshotFromFile, createSnapshotFromSource, previewFileSnapshot, previewSourceSnapshot } from './create-snapshot.ts';
import { shareRulesShape } from './share-rules-schema.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { SnapshotConfig } from './snapshot-config.ts';
import { itemsPageResponse, snapshotItems } from './snapshot-reads.ts';
import type { UpstreamReader } from '../upstream/upstream-read.ts';

/** PostgreSQL's text cannot hold a NUL character: refused as a bad request, not failed on as a server error. */
const withoutNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain a NUL character');
/** The store keeps times before the year 10000; a far offset can push a date in 9999 past it. */
const BEFORE_YEAR_10000 = Date.UTC(10_000, 0, 1);

const common = {
  title: withoutNul(z.string().trim().max(200)).nullish(),
  expires_at: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) < BEFORE_YEAR_10000, 'must be before the year 10000')
    .nullish(),
  ...shareRulesShape,
};

/** A conversation the server reads from a source. Strict, as every body with rules is: a misspelt rule is refused, not ignored. */
const sourceBody = z.strictObject({ source: z.string().min(1).max(100), conversation_id: z.string().min(1).max(300), ...common });

/** A conversation the browser read from a local file, sent whole. */
const fileBody = z.strictObject({
  file: z.object({
    conversation: z.looseObject({ id: z.string().max(300).optional() }).default({}),
    items: z.array(z.looseObject({ id: withoutNul(z.string().min(1).max(300)).optional(), type: z.string().min(1).max(200) })),
  }),
  ...common,
});

/** A file snapshot carries its items in the body, so the body may be as large as a snapshot, and a little more. */
const bodyBytes = (config: SnapshotConfig) => config.maxBytes + 1024 * 1024;
const PAGE_DEFAULT = 100;
const PAGE_MAX = 1000;

function publicMeta(meta: SnapshotMeta) {
  return { ...meta, url: `/s/${meta.id}` };
}

/** The client a rate limit applies to: the address the connection comes from. */
function clientOf(c: Context): string {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.join('.') || 'the body'}: ${issue.message}`;
}

export interface SnapshotRouteOptions {
  config: SnapshotConfig;
  store: LazyStore;
  sources: readonly Source[];
  reader: UpstreamReader;
  /** The viewer's access control: who counts as signed in. Null: the viewer is open, so everyone does. */
  access?: AccessControl | null;
}

/** /api/snapshots: create, list and revoke (behind access control), and read one (public when VIEWER_SNAPSHOTS=public). */
export function createSnapshotRoutes({ config, store: lazyStore, sources, reader, access = null }: SnapshotRouteOptions) {
  const app = new Hono();
  if (config.mode === 'off') {
    app.all('*', (c) => jsonError(c, 404, 'Snapshots are turned off on this viewer (VIEWER_SNAPSHOTS=off).', 'snapshots_disabled'));
    return app;
  }
  const allow = createRateLimiter(config.ratePerMinute);

  async function openStore(): Promise<SnapshotStore> {
    try {
      return await lazyStore.get();
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', message: `snapshot store: ${error instanceof Error ? error.message : String(error)}` }));
      throw new ApiFailure(503, 'store_unavailable', 'The snapshot store cannot be opened right now. Try again later.', 'server_error');
    }
  }

  /** The snapshot, or the failure that says why it cannot be read: never there, revoked, or expired. */
  async function readable(id: string): Promise<{ store: SnapshotStore; snapshot: Snapshot }> {
    const notFound = new ApiFailure(404, 'snapshot_not_found', 'There is no snapshot with this link. Check that it was copied whole.');
    if (!SNAPSHOT_ID_PATTERN.test(id)) throw notFound;
    const store = await openStore();
    const lookup = await store.get(id);
    switch (lookup.status) {
      case 'ok':
        return { store, snapshot: lookup.snapshot };
      case 'revoked':
        throw new ApiFailure(410, 'snapshot_revoked', `This snapshot was revoked on ${lookup.revoked_at}: whoever shared it took it back.`);
      case 'expired':
        throw new ApiFailure(410, 'snapshot_expired', `This snapshot expired on ${lookup.expires_at}.`);
      case 'not_found':
        throw notFound;
    }
  }

  const tooLarge = `The request body is larger than SNAPSHOT_MAX_BYTES (${Math.round(config.maxBytes / 1024 / 1024)} MiB) and a little more.`;
  const limitBody = bodyLimit({ maxSize: bodyBytes(config), onError: (c) => jsonError(c, 413, tooLarge, 'request_too_large') });

  /** The body of a create or preview request, checked: where the conversation comes from and the reader's rules. */
  async function snapshotRequest(c: Context) {
    const json = await c.req.json().catch(() => undefined);
    const parsed = (json && typeof json === 'object' && 'file' in json ? fileBody : sourceBody).safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = json === undefined ? 'The request body is not JSON.' : `Invalid snapshot request (${describeIssue(issue)}).`;
      throw new ApiFailure(400, 'invalid_request', message, 'invalid_request_error', issue.path.join('.') || null);
    }
    const body = parsed.data;
    const expiresAt = body.expires_at ? new Date(body.expires_at) : null;
    checkExpiry(expiresAt, body.expires_at ?? undefined);
    const choices = { title: body.title || null, expiresAt, rules: { exclude: body.exclude, redact: body.redact } };
    return 'file' in body
      ? ({ kind: 'file', ...choices, ...body.file } as const)
      : ({ kind: 'source', ...choices, source: findSource(sources, body.source), conversationId: checkConversationId(body.conversation_id) } as const);
  }

  app.post('/', limitBody, async (c) => {
    const allowed = allow(clientOf(c));
    if (!allowed.ok) {
      c.header('retry-after', String(allowed.retryAfterSeconds));
      return jsonError(c, 429, `Too many snapshots from this client: at most ${config.ratePerMinute} a minute (SNAPSHOT_RATE_LIMIT). Retry in ${allowed.retryAfterSeconds} s.`, 'rate_limited', 'rate_limit_error');
    }
    const request = await snapshotRequest(c);
    await openStore();
    const meta =
      request.kind === 'file'
        ? await createSnapshotFromFile(lazyStore, config, request)
        : await createSnapshotFromSource(lazyStore, reader, config, request, c.req.raw.signal);
    return c.json(publicMeta(meta), 201);
  });

  // Reads the conversation as creating would, and answers what the snapshot would hold: nothing is stored.
  app.post('/preview', limitBody, async (c) => {
    const request = await snapshotRequest(c);
    return c.json(request.kind === 'file' ? await previewFileSnapshot(config, request) : await previewSourceSnapshot(reader, config, request, c.req.raw.signal));
  });

  app.get('/', async (c) => {
    const store = await openStore();
    return c.json({ object: 'list', data: (await store.list()).map(publicMeta) });
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const store = await openStore();
    // Revoking an expired snapshot is allowed too: it deletes its content for good.
    if (SNAPSHOT_ID_PATTERN.test(id) && (await store.revoke(id))) return c.json({ id, revoked: true });
    const lookup = SNAPSHOT_ID_PATTERN.test(id) ? await store.get(id) : null;
    if (lookup?.status === 'revoked') throw new ApiFailure(410, 'snapshot_revoked', `This snapshot was already revoked on ${lookup.revoked_at}.`);
    throw new ApiFailure(404, 'snapshot_not_found', 'There is no snapshot with this ID.');
  });

  /**
   * With VIEWER_SNAPSHOTS=public anyone with the link reads a snapshot; where it came from (the source and the
   * original conversation's ID) is for its signed-in author alone.
   */
  const signedIn = (c: Context) => !access || isAuthorized(access, c.req.header('authorization'));
  function shown(c: Context, snapshot: Snapshot) {
    if (signedIn(c)) return snapshot;
    const { id: _original, ...conversation } = snapshot.conversation;
    return { ...snapshot, source: null, source_label: null, source_kind: null, conversation_id: null, conversation };
  }
  const held = { budget: reader.budget, timeoutMs: reader.timeoutMs };

  app.get('/:id', async (c) => {
    const { snapshot } = await readable(c.req.param('id'));
    const { conversation, ...meta } = shown(c, snapshot);
    // A conversation object may be nested deeper than JSON.stringify goes.
    return c.body(stringifyJson({ ...publicMeta(meta), conversation }), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.get('/:id/items', async (c) => {
    const { store, snapshot } = await readable(c.req.param('id'));
    const limitParam = c.req.query('limit') ?? String(PAGE_DEFAULT);
    if (!/^\d{1,4}$/.test(limitParam) || Number(limitParam) < 1 || Number(limitParam) > PAGE_MAX) {
      throw new ApiFailure(400, 'invalid_parameter', `Invalid 'limit': expected an integer from 1 to ${PAGE_MAX}.`, 'invalid_request_error', 'limit');
    }
    // `from`: the position to start at (items without an ID cannot be a cursor); `after`: an item ID, as the API pages.
    const after = c.req.query('after');
    const from = c.req.query('from');
    let position = -1;
    if (from !== undefined) {
      if (!/^\d{1,9}$/.test(from)) throw new ApiFailure(400, 'invalid_parameter', `Invalid 'from': expected a position, 0 or more.`, 'invalid_request_error', 'from');
      position = Number(from) - 1;
    } else if (after) {
      // As the proxy and the API answer: a value that is no item ID is refused, an item the snapshot lacks is not found.
      if (!ITEM_ID_PATTERN.test(after)) throw new ApiFailure(400, 'invalid_parameter', `Invalid 'after': '${after.slice(0, 40)}' is not an item ID.`, 'invalid_request_error', 'after');
      const found = await store.positionOf(snapshot.id, after);
      if (found === null) throw new ApiFailure(404, 'not_found', `Item with id '${after.slice(0, 60)}' not found in this snapshot.`, 'invalid_request_error', 'after');
      position = found;
    }
    return itemsPageResponse(c, store, snapshot.id, position, Number(limitParam), held);
  });

  app.get('/:id/export', async (c) => {
    const format = exportFormatParam(c);
    const { store, snapshot: stored } = await readable(c.req.param('id'));
    const snapshot = shown(c, stored);
    const meta = {
      title: snapshot.title,
      // Stored with the snapshot; one stored before it was kept takes the kind of the source with its ID today.
      source: { id: snapshot.source, label: snapshot.source_label, kind: snapshot.source_kind ?? sources.find((source) => source.id === snapshot.source)?.kind ?? null },
      conversation: snapshot.conversation,
      exported_at: new Date().toISOString(),
      snapshot: {
        id: snapshot.id,
        title: snapshot.title,
        origin: snapshot.origin,
        created_at: snapshot.created_at,
        expires_at: snapshot.expires_at,
        item_count: snapshot.item_count,
        excluded_count: snapshot.excluded_count,
        // So the download says what it leaves out, as the snapshot's page does.
        ...(snapshot.manifest ? { left_out: snapshot.manifest.left_out, replaced: snapshot.manifest.replaced, rules: snapshot.manifest.rules, original: { ...snapshot.manifest.original } } : {}),
      },
    };
    const items = snapshotItems(store, snapshot.id, held, c.req.raw.signal);
    return exportResponse(c, format, meta, nameForFile(snapshot.title, snapshot.conversation_id, snapshot.id), items, { budget: held.budget, stallMs: held.timeoutMs });
  });

  app.all('/', (c) => methodNotAllowed(c, 'GET, HEAD, POST'));
  app.all('/:id', (c) => methodNotAllowed(c, 'GET, HEAD, DELETE'));
  app.all('/:id/items', (c) => methodNotAllowed(c, 'GET, HEAD'));
  app.all('/:id/export', (c) => methodNotAllowed(c, 'GET, HEAD'));
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return error.respond(c);
    console.error(JSON.stringify({ level: 'error', message: error.message }));
    return jsonError(c, 500, 'The viewer server failed on this request.', 'internal_error', 'server_error');
  });
  return app;
}
