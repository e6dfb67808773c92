import type { Context } from 'hono';
import { ApiFailure } from '../http/api-failure.ts';
import type { createByteBudget } from '../upstream/byte-budget.ts';
import { connectionCloser, heldStream } from '../http/held-stream.ts';
import type { ExportItem, ExportMeta } from '../../shared/export/export-document.ts';
import { countsTokens, EXPORT_FORMATS, exportFilename, isExportFormat, type ExportFormat } from '../../shared/export/export-formats.ts';
import { itemTokens, loadTokenizer } from '../../shared/items/token-counts.ts';
import type { TokensOf } from '../../shared/export/export-document.ts';

/** The refusal of a format the exports do not know, whether the query or a download's body names it. */
export function unknownFormat(format: unknown): ApiFailure {
  const got = String(typeof format === 'string' ? format : JSON.stringify(format)).slice(0, 20);
  return new ApiFailure(400, 'invalid_value', `Invalid 'format': expected ${Object.keys(EXPORT_FORMATS).join(', ')}, got '${got}'.`, 'invalid_request_error', 'format');
}

export function exportFormatParam(c: Context): ExportFormat {
  const format = c.req.query('format') ?? 'markdown';
  if (isExportFormat(format)) return format;
  throw unknownFormat(format);
}

/**
 * The viewer's tokenizer, so an export's size reads as the viewer's does; loaded with the first export that shows a
 * size. Without it the size is estimated from length, and the export says so.
 */
async function serverTokenizer(): Promise<TokensOf | undefined> {
  try {
    const count = await loadTokenizer();
    return (item) => itemTokens(item, count);
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', message: `the tokenizer could not be loaded: ${error instanceof Error ? error.message : String(error)}` }));
    return undefined;
  }
}

export interface HeldExport {
  /** The server's byte budget: a chunk's bytes count against it until the client has taken them. */
  budget: ReturnType<typeof createByteBudget>;
  /** How long the client may take nothing before the download is given up (UPSTREAM_TIMEOUT_SECONDS). */
  stallMs: number;
}

/** Items are gathered into chunks of about this many characters: fewer, larger writes than one per item. */
const CHUNK_CHARS = 512 * 1024;

/**
 * Streams an export as a download. The first item is read before answering, so a failure at the start is an
 * ordinary JSON error with its status; a later one ends the download early, which the browser reports as failed.
 * Only as much is made as the client takes, and a client that takes nothing for `stallMs` is dropped.
 */
export async function exportResponse(c: Context, format: ExportFormat, meta: ExportMeta, name: string, items: AsyncIterable<ExportItem>, held: HeldExport) {
  const headers = {
    'content-type': EXPORT_FORMATS[format].contentType,
    'content-disposition': `attachment; filename="${exportFilename(name, format)}"`,
  };
  const iterator = items[Symbol.asyncIterator]();
  if (c.req.method === 'HEAD') {
    // HEAD gets a GET's status and headers: it reads the first item (one page) as a GET does before answering, so a
    // failure there (a rate limit on the items) is its status too, and stops.
    try {
      await iterator.next();
    } finally {
      await iterator.return?.();
    }
    return c.body(null, 200, headers);
  }
  let pending: IteratorResult<ExportItem> | null = await iterator.next();
  const exporter = EXPORT_FORMATS[format].create(meta, { tokensOf: countsTokens(format) ? await serverTokenizer() : undefined });
  const encoder = new TextEncoder();
  const lease = held.budget.lease();
  let begun = false;
  let ended = false;
  const next = async () => {
    if (ended) return null;
    try {
      let text = begun ? '' : exporter.begin();
      begun = true;
      while (text.length < CHUNK_CHARS) {
        const result = pending ?? (await iterator.next());
        pending = null;
        if (result.done) {
          ended = true;
          text += exporter.end();
          break;
        }
        text += exporter.item(result.value);
      }
      const chunk = encoder.encode(text);
      lease.resize(chunk.byteLength);
      return chunk;
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', message: `export stopped: ${error instanceof Error ? error.message : String(error)}` }));
      throw error;
    }
  };
  const body = heldStream(next, { lease, stallMs: held.stallMs, onStall: connectionCloser(c), onCancel: () => iterator.return?.() });
  return c.body(body, 200, headers);
}
