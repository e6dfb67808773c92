import { downloadBlob } from '../../../lib/download-text';
import type { ConversationItem } from '../types';
import type { ExportChoice } from './export-path';
import type { ExportSource } from '../../../shared/export/export-document';

/**
 * Formats a conversation the browser holds in full with the server's formatters, in slices, and saves it. Token counts
 * the page has already made (`knownTokens`) are used as they are.
 */
export async function exportInBrowser(format: ExportChoice, name: string, conversation: { id?: string; [field: string]: unknown }, items: readonly ConversationItem[], source: ExportSource, knownTokens?: (item: object) => number | undefined) {
  // The formatters and the token counter load with the first export made here, not with the transcript.
  const { formatInSlices } = await import('../../../lib/format-in-slices');
  const { blob, filename } = await formatInSlices(format, { title: null, source, conversation, exported_at: new Date().toISOString() }, items, { knownTokens });
  downloadBlob(blob, filename(name));
}
