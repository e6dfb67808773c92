import type { ExportChoice } from '../api/export-path';
import type { ConversationItem } from '../types';
import { downloadText } from '../../../lib/download-text';

/**
 * Formats a conversation the browser holds (a local file) with the same formatters the server uses, and saves it.
 * The formatters (with the Markdown renderer the HTML export uses) load on first use, outside the page's own chunk.
 */
export async function exportInBrowser(format: ExportChoice, name: string, conversation: { id?: string }, items: readonly ConversationItem[], source: { id: string | null; label: string | null }) {
  const { EXPORT_FORMATS, exportAll, exportFilename } = await import('../../../shared/export/export-formats');
  const text = exportAll(format, { title: null, source, conversation, exported_at: new Date().toISOString() }, items);
  downloadText(text, exportFilename(name, format), EXPORT_FORMATS[format].contentType.split(';')[0]);
}
