import { conversationExportPath, snapshotExportPath } from '../../../shared/contract/api-paths';
import type { TranscriptOrigin } from '../data/use-transcript';
import type { ConversationItem } from '../types';

export const EXPORT_CHOICES = [
  { format: 'markdown', label: 'Markdown', title: 'Ready to paste into an issue' },
  { format: 'html', label: 'HTML', title: 'One file that reads offline' },
  { format: 'json', label: 'JSON', title: 'The conversation and every item, which the viewer can open again' },
  { format: 'otlp', label: 'OpenTelemetry', title: 'OTLP/JSON traces (GenAI conventions) for any OTLP/HTTP collector' },
] as const;

export type ExportChoice = (typeof EXPORT_CHOICES)[number]['format'];

/**
 * Where an export is made: null when this page formats it itself, else the server path that streams it. The
 * server streams a conversation or snapshot whole, not only what the page has loaded; a conversation the page
 * already holds in full is formatted here, so the upstream is not read twice. A snapshot's export comes from the
 * server, so it carries the snapshot's banner facts; a local file was never uploaded, so it is always formatted here.
 */
export function exportPath(origin: TranscriptOrigin, format: ExportChoice, heldInFull: boolean): string | null {
  if (origin.kind === 'file' || (origin.kind === 'api' && heldInFull)) return null;
  const path = origin.kind === 'api' ? conversationExportPath(origin.source, origin.conversationId) : snapshotExportPath(origin.snapshotId);
  return `${path}?format=${format}`;
}

/** What `itemsToExport` reads of a transcript's index. */
interface HeldItems {
  orderedItems(): ConversationItem[];
  isRemoved(id: unknown): boolean;
}

/**
 * The items an export made in this page holds: a file's every item, once all of it has been read (a download asked
 * for while a large file is still being read waits for the rest, where it saved the part read so far); otherwise the
 * items held, less those a live update found removed (the server's export would not have them either).
 */
export async function itemsToExport(origin: TranscriptOrigin, index: HeldItems): Promise<ConversationItem[]> {
  if (origin.kind === 'file') {
    const arriving = origin.items;
    if (!arriving.complete) {
      await new Promise<void>((resolve) => {
        const unsubscribe = arriving.subscribe(() => {
          if (!arriving.complete) return;
          unsubscribe();
          resolve();
        });
      });
    }
    return arriving.pages.flat();
  }
  return index.orderedItems().filter((item) => !index.isRemoved(item.id));
}
