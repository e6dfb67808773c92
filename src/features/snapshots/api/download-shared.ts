import { errorFromResponse } from '../../../lib/api-error';
import { downloadBlob } from '../../../lib/download-text';
import { formatInSlices } from '../../../lib/format-in-slices';
import { conversationExportPath } from '../../../shared/contract/api-paths';
import { exportFilename, type ExportFormat } from '../../../shared/export/export-formats';
import { downloadRules, type ShareRules } from '../../../shared/snapshots/share-filter';
import type { SnapshotTarget } from '../lib/snapshot-request';

/** The file name a download's answer gives (`attachment; filename="…"`), or null. */
function attachmentName(response: Response): string | null {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
}

/**
 * Downloads the conversation with the reader's rules applied: the server reads a source's conversation whole and
 * filters it as it would a snapshot; a file this page opened is filtered and formatted here. A title the author typed
 * heads it, with the rules' terms replaced, and names the file; else the file is named after `name`, replaced alike.
 */
export async function downloadShared(target: SnapshotTarget, format: ExportFormat, rules: ShareRules, title: string, name: string): Promise<void> {
  const typed = title.trim();
  if (target.kind === 'file') {
    const { shareLocally } = await import('../lib/local-share');
    const shared = await shareLocally(target.conversation, target.items, rules);
    const replacedTitle = typed ? shared.filter.text(typed) : null;
    // The source the file names (its label and kind) stays with it, as in the page's own download of the file; its ID
    // named a source of the viewer that wrote the file, not of this one.
    const source = { id: null, label: target.source?.label ?? null, kind: target.source?.kind ?? null };
    const meta = { title: replacedTitle, source, conversation: shared.conversation, exported_at: new Date().toISOString(), ...downloadRules(rules) };
    const { blob, filename } = await formatInSlices(format, meta, shared.items);
    // Named apart from the full download (`conv_x_shared.json` beside `conv_x.json`), so the two are not mixed up; a
    // file's own name (`acme-invoices.json`) has what the rules replace replaced too, as the title has.
    downloadBlob(blob, filename(`${replacedTitle ?? shared.filter.text(name)}.shared`));
    return;
  }
  const response = await fetch(conversationExportPath(target.source, target.conversationId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format, ...rules, ...(typed ? { title: typed } : {}) }),
  });
  if (!response.ok) throw await errorFromResponse(response);
  downloadBlob(await response.blob(), attachmentName(response) ?? exportFilename(`${name}.shared`, format));
}
