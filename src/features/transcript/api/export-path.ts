import { conversationExportPath, snapshotExportPath } from '../../../shared/contract/api-paths';
import type { TranscriptOrigin } from '../data/use-transcript';

export const EXPORT_CHOICES = [
  { format: 'markdown', label: 'Markdown', title: 'Ready to paste into an issue' },
  { format: 'html', label: 'HTML', title: 'One file that reads offline' },
  { format: 'json', label: 'JSON', title: 'The conversation and every item, which the viewer can open again' },
  { format: 'otlp', label: 'OpenTelemetry', title: 'OTLP/JSON traces (GenAI conventions) for any OTLP/HTTP collector' },
] as const;

export type ExportChoice = (typeof EXPORT_CHOICES)[number]['format'];

/**
 * The server streams the export of a conversation or snapshot: all of it, not only what this page has loaded.
 * A local file was never uploaded, so it has no server path: the browser formats it with the same formatters.
 */
export function exportPath(origin: TranscriptOrigin, format: ExportChoice): string | null {
  if (origin.kind === 'file') return null;
  const path = origin.kind === 'api' ? conversationExportPath(origin.source, origin.conversationId) : snapshotExportPath(origin.snapshotId);
  return `${path}?format=${format}`;
}
