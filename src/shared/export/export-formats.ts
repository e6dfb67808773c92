import type { ExportItem, ExportMeta, ExportOptions } from './export-document.ts';
import { createHtmlExporter } from './html-export.ts';
import { createJsonExporter } from './json-export.ts';
import { createMarkdownExporter } from './markdown-export.ts';
import { createOtlpExporter } from './otlp-export.ts';

export interface Exporter {
  begin(): string;
  item(item: ExportItem): string;
  end(): string;
}

export const EXPORT_FORMATS = {
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8', create: createMarkdownExporter },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8', create: createHtmlExporter },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', create: createJsonExporter },
  otlp: { extension: 'otlp.json', contentType: 'application/json; charset=utf-8', create: createOtlpExporter },
} satisfies Record<string, { extension: string; contentType: string; create: (meta: ExportMeta, options?: ExportOptions) => Exporter }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}

/**
 * The first of the names that keeps something in a file name (a title in Chinese keeps nothing, so the conversation's
 * ID names the file instead).
 */
export function nameForFile(...names: (string | null | undefined)[]): string {
  return names.find((name) => name && /[A-Za-z0-9]/.test(name)) ?? 'conversation';
}

/** A file name any system accepts: letters, digits, '_' and '-' only. */
export function exportFilename(name: string, format: ExportFormat): string {
  const safe = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 120) || 'conversation';
  return `${safe}.${EXPORT_FORMATS[format].extension}`;
}

/** Whether a format shows a size in tokens, and so wants the tokenizer. */
export const countsTokens = (format: ExportFormat): boolean => format === 'html';

/** A whole export as one string, for the browser or for tests. */
export function exportAll(format: ExportFormat, meta: ExportMeta, items: Iterable<ExportItem>, options?: ExportOptions): string {
  const exporter = EXPORT_FORMATS[format].create(meta, options);
  let text = exporter.begin();
  for (const item of items) text += exporter.item(item);
  return text + exporter.end();
}
