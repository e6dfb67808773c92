import type { Context } from 'hono';
import { ApiFailure } from '../api-failure.ts';
import type { ExportItem, ExportMeta } from '../../shared/export/export-document.ts';
import { EXPORT_FORMATS, exportFilename, isExportFormat, type ExportFormat } from '../../shared/export/export-formats.ts';

export function exportFormatParam(c: Context): ExportFormat {
  const format = c.req.query('format') ?? 'markdown';
  if (isExportFormat(format)) return format;
  throw new ApiFailure(400, 'invalid_parameter', `Invalid 'format': expected ${Object.keys(EXPORT_FORMATS).join(', ')}, got '${format.slice(0, 20)}'.`, 'invalid_request_error', 'format');
}

/**
 * Streams an export as a download. The first item is read before answering, so a failure at the start is an
 * ordinary JSON error with its status; a later one ends the download early, which the browser reports as failed.
 */
export async function exportResponse(c: Context, format: ExportFormat, meta: ExportMeta, name: string, items: AsyncIterable<ExportItem>) {
  const iterator = items[Symbol.asyncIterator]();
  let pending: IteratorResult<ExportItem> | null = await iterator.next();
  const exporter = EXPORT_FORMATS[format].create(meta);
  const encoder = new TextEncoder();
  let begun = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        let text = begun ? '' : exporter.begin();
        begun = true;
        // A few dozen items per chunk: fewer, larger writes than one per item.
        for (let count = 0; count < 50; count += 1) {
          const next = pending ?? (await iterator.next());
          pending = null;
          if (next.done) {
            stream.enqueue(encoder.encode(text + exporter.end()));
            stream.close();
            return;
          }
          text += exporter.item(next.value);
        }
        stream.enqueue(encoder.encode(text));
      } catch (error) {
        console.error(JSON.stringify({ level: 'error', message: `export stopped: ${error instanceof Error ? error.message : String(error)}` }));
        stream.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return c.body(body, 200, {
    'content-type': EXPORT_FORMATS[format].contentType,
    'content-disposition': `attachment; filename="${exportFilename(name, format)}"`,
  });
}
