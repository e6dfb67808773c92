import { Hono } from 'hono';
import { ApiFailure } from '../api-failure.ts';
import { readConversation, readInOrder, type ReaderOptions } from '../snapshots/source-reader.ts';
import { checkConversationId, findSource } from '../source-lookup.ts';
import type { Source } from '../sources.ts';
import { exportFormatParam, exportResponse } from './export-response.ts';

/** GET /api/sources/<source>/conversations/<id>/export?format=markdown|html|json|otlp, streamed from the source. */
export function createSourceExportRoute(sources: readonly Source[], reader: ReaderOptions) {
  const app = new Hono();
  app.get('/:source/conversations/:conversationId/export', async (c) => {
    try {
      const source = findSource(sources, c.req.param('source'));
      const conversationId = checkConversationId(c.req.param('conversationId'));
      const format = exportFormatParam(c);
      const signal = c.req.raw.signal;
      const conversation = await readConversation(source, conversationId, reader, signal);
      const meta = { title: null, source: { id: source.id, label: source.label }, conversation, exported_at: new Date().toISOString() };
      return await exportResponse(c, format, meta, conversationId, readInOrder(source, conversationId, reader, { signal }));
    } catch (error) {
      if (error instanceof ApiFailure) return error.respond(c);
      throw error;
    }
  });
  return app;
}
