import { errorFromResponse } from '../../../lib/api-error';
import { downloadBlob } from '../../../lib/download-text';
import { formatInSlices } from '../../../lib/format-in-slices';
import { conversationExportPath } from '../../../shared/contract/api-paths';
import { exportFilename, type ExportFormat } from '../../../shared/export/export-formats';
import { downloadRules, type ShareRules } from '../../../shared/snapshots/share-filter';
import type { SnapshotTarget } from '../lib/snapshot-request';

/**
 * Downloads the conversation with the reader's rules applied: the server reads a source's conversation whole and
 * filters it as it would a snapshot; a file this page opened is filtered and formatted here.
 */
export async function downloadShared(target: SnapshotTarget, format: ExportFormat, rules: ShareRules, name: string): Promise<void> {
  // Named apart from the full download (`conv_x_shared.json` beside `conv_x.json`), so the two are not mixed up.
  const sharedName = `${name}.shared`;
  if (target.kind === 'file') {
    const { shareLocally } = await import('../lib/local-share');
    const shared = await shareLocally(target.conversation, target.items, rules);
    // The source the file names (its label and kind) stays with it, as in the page's own download of the file; its ID
    // named a source of the viewer that wrote the file, not of this one.
    const source = { id: null, label: target.source?.label ?? null, kind: target.source?.kind ?? null };
    const meta = { title: null, source, conversation: shared.conversation, exported_at: new Date().toISOString(), ...downloadRules(rules) };
    const { blob, filename } = await formatInSlices(format, meta, shared.items);
    downloadBlob(blob, filename(sharedName));
    return;
  }
  const response = await fetch(conversationExportPath(target.source, target.conversationId), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format, ...rules }) });
  if (!response.ok) throw await errorFromResponse(response);
  downloadBlob(await response.blob(), exportFilename(sharedName, format));
}
