import type { ExportSource } from '../../../shared/export/export-document';

/** What the page hears back from the file reader: a failure, or the conversation with its first items, then the rest a page at a time. */
export type ReadFileMessage =
  | { type: 'failed'; message: string }
  | { type: 'first'; conversation: Record<string, unknown>; source: ExportSource | null; total: number; note?: string; items: unknown[] }
  | { type: 'items'; items: unknown[] }
  | { type: 'done' };

/**
 * A message as posted: as it is where a structured clone takes it, else (a value nested thousands of levels deep, in
 * the items or the conversation) its fields as JSON text, which parses at any depth.
 */
export type PostedMessage = ReadFileMessage | { type: 'first' | 'items'; json: string };

/** The message a posted one stands for. */
export function receivedMessage(posted: PostedMessage): ReadFileMessage {
  if (!('json' in posted)) return posted;
  return { ...(JSON.parse(posted.json) as object), type: posted.type } as ReadFileMessage;
}
