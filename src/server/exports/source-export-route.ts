import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ExportItem } from '../../shared/export/export-document.ts';
import { isExportFormat, type ExportFormat } from '../../shared/export/export-formats.ts';
import { downloadRules, ShareFilter, type ShareRules } from '../../shared/snapshots/share-filter.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { jsonError, methodNotAllowed } from '../http/json-error.ts';
import { shareRulesShape } from '../snapshots/share-rules-schema.ts';
import { readConversation, readInOrder } from '../upstream/source-reader.ts';
import type { UpstreamReader } from '../upstream/upstream-read.ts';
import { checkConversationId, findSource } from '../sources/source-lookup.ts';
import type { Source } from '../sources/sources.ts';
import { exportFormatParam, exportResponse, unknownFormat } from './export-response.ts';

/** The largest body of a download with rules; a larger one answers 413 in OpenAI's error shape, as a snapshot's does. */
const MAX_DOWNLOAD_BODY = 1024 * 1024;

/** A download with the reader's rules: the same body a snapshot takes, less what only a snapshot has. */
const downloadBody = z.strictObject({
  format: z.string().refine(isExportFormat, 'expected one of the export formats'),
  ...shareRulesShape,
  /** The title the author typed: its terms are replaced like the items', and it names the file. */
  title: z.string().max(200).optional(),
});

/**
 * GET /api/sources/<source>/conversations/<id>/export?format=…, streamed from the source in order. POST with
 * `{format, exclude, redact}` applies the rules a snapshot applies, so a download can leave out and replace the same.
 */
export function createSourceExportRoute(sources: readonly Source[], reader: UpstreamReader) {
  const app = new Hono();

  async function download(c: Context, format: ExportFormat, rules: ShareRules, shared?: { title?: string }) {
    const source = findSource(sources, c.req.param('source') ?? '');
    const conversationId = checkConversationId(c.req.param('conversationId') ?? '');
    const signal = c.req.raw.signal;
    const filter = new ShareFilter(rules);
    const conversation = filter.conversation(await readConversation(source, conversationId, reader, signal));
    // The header is written before any item is read: a replaced term of the title is numbered first, and the items
    // that hold it then take the same pseudonym.
    const title = shared?.title?.trim() ? filter.text(shared.title.trim()) : null;
    const meta = { title, source: { id: source.id, label: source.label, kind: source.kind }, conversation, exported_at: new Date().toISOString(), ...downloadRules(rules) };
    async function* items(): AsyncGenerator<ExportItem> {
      for await (const item of readInOrder(source, conversationId, reader, { signal })) {
        const kept = filter.item(item as ExportItem);
        if (kept) yield kept as ExportItem;
      }
    }
    // A download with rules is named apart from the full one (`conv_x_shared.json` beside `conv_x.json`), after its
    // title as replaced when it has one.
    const name = shared ? `${title ?? conversationId}_shared` : conversationId;
    return exportResponse(c, format, meta, name, items(), { budget: reader.budget, stallMs: reader.timeoutMs });
  }

  app.get('/:source/conversations/:conversationId/export', (c) => download(c, exportFormatParam(c), {}));
  app.post('/:source/conversations/:conversationId/export', bodyLimit({ maxSize: MAX_DOWNLOAD_BODY, onError: (c) => jsonError(c, 413, 'The download request is larger than 1 MiB.', 'request_too_large') }), async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = downloadBody.safeParse(body);
    if (!parsed.success) {
      // A format it does not know is refused as the query's is, naming the formats it knows.
      const format = (body as { format?: unknown } | undefined)?.format;
      if (format !== undefined && parsed.error.issues.some((problem) => problem.path.length === 1 && problem.path[0] === 'format')) throw unknownFormat(format);
      const issue = parsed.error.issues[0];
      throw new ApiFailure(400, 'invalid_request', `Invalid download request (${issue.path.join('.') || 'the body'}: ${issue.message}).`, 'invalid_request_error', issue.path.join('.') || null);
    }
    return download(c, parsed.data.format as ExportFormat, parsed.data, { title: parsed.data.title });
  });
  app.all('/:source/conversations/:conversationId/export', (c) => methodNotAllowed(c, 'GET, HEAD, POST'));
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return error.respond(c);
    console.error(JSON.stringify({ level: 'error', message: error.message }));
    return jsonError(c, 500, 'The viewer server failed on this request.', 'internal_error', 'server_error');
  });
  return app;
}
