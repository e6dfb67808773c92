import { receivedAsJson, type PostedAsJson } from '../../../lib/received-as-json';
import type { ExportShared, ExportSource } from '../../../shared/export/export-document';

/** What the page hears back from the file reader: a failure, or the conversation with its first items, then the rest a page at a time. */
export type ReadFileMessage =
  | { type: 'failed'; message: string }
  | { type: 'first'; conversation: Record<string, unknown>; source: ExportSource | null; total: number; note?: string; shared?: ExportShared; items: unknown[] }
  | { type: 'items'; items: unknown[] }
  | { type: 'done' };

/** A message as posted (see received-as-json.ts): the type stays outside the JSON text. */
export type PostedMessage = PostedAsJson<ReadFileMessage, 'type'>;

/** The message a posted one stands for. */
export const receivedMessage = (posted: PostedMessage): ReadFileMessage => receivedAsJson<ReadFileMessage, 'type'>(posted);
