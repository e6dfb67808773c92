import { downloadBlob } from '../../../lib/download-text';
import { formatInSlices } from '../../../lib/format-in-slices';
import type { ConversationItem } from '../types';
import type { ExportChoice } from './export-path';
import type { ExportSource } from '../../../shared/export/export-document';

/**
 * Formats a conversation the browser holds in full with the server's formatters, in slices, and saves it. Token counts
 * the page has already made (`knownTokens`) are used as they are.
 */
export async function exportInBrowser(format: ExportChoice, name: string, conversation: { id?: string }, items: readonly ConversationItem[], source: ExportSource, knownTokens?: (item: object) => number | undefined) {
  const { blob, filename } = await formatInSlices(format, { title: null, source, conversation, exported_at: new Date().toISOString() }, items, { knownTokens });
  downloadBlob(blob, filename(name));
}
