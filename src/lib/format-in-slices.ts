import type { ExportItem, ExportMeta } from '../shared/export/export-document';
import type { ExportFormat } from '../shared/export/export-formats';
import { forEachInSlices } from './work-in-slices';
import { countTokensOffThread } from './count-tokens-off-thread';

/**
 * Formats a conversation this page holds with the same formatters the server uses, an item at a time in slices,
 * so a long run's export never freezes the page. The formatters load on first use, outside the page's own chunk.
 * A format that shows a size in tokens takes the counts the page has (`knownTokens`) and has the rest counted in a
 * worker.
 */
export async function formatInSlices(
  format: ExportFormat,
  meta: ExportMeta,
  items: readonly ExportItem[],
  { knownTokens }: { knownTokens?: (item: ExportItem) => number | undefined } = {},
): Promise<{ blob: Blob; filename: (name: string) => string }> {
  const { countsTokens, EXPORT_FORMATS, exportFilename } = await import('../shared/export/export-formats');
  // The size in tokens is counted as the page counts it, or from length when the tokenizer cannot be loaded.
  const tokensOf = countsTokens(format) ? await countTokensOffThread(items, knownTokens).catch(() => undefined) : undefined;
  const exporter = EXPORT_FORMATS[format].create(meta, { tokensOf });
  const parts: string[] = [exporter.begin()];
  await forEachInSlices(items, (item) => parts.push(exporter.item(item)));
  parts.push(exporter.end());
  const type = EXPORT_FORMATS[format].contentType.split(';')[0];
  return { blob: new Blob(parts, { type: `${type};charset=utf-8` }), filename: (name) => exportFilename(name, format) };
}
