import { stringifyJson } from '../../../lib/stringify-deep';
import { readConversationFile } from '../../../shared/export/read-conversation-file';
import { FIRST_PAGE, PAGE } from './arriving-items';
import { decodeFileText } from './decode-file';
import type { ExportSource } from '../../../shared/export/export-document';

/** What the page asks: read this file. */
export interface ReadFileRequest {
  file: Blob;
}

/** What it hears back: a failure, or the conversation with its first items, then the rest a page at a time. */
export type ReadFileMessage =
  | { type: 'failed'; message: string }
  | ({ type: 'first'; conversation: Record<string, unknown>; source: ExportSource | null; total: number; note?: string } & Batch)
  | ({ type: 'items' } & Batch)
  | { type: 'done' };

/** Items as objects, or, when a structured clone refuses them (nesting thousands of levels deep), as JSON text. */
export type Batch = { items: unknown[] } | { json: string };

const post = (message: ReadFileMessage) => self.postMessage(message);

/** Posts items as objects where a structured clone takes them, else as JSON text, which parses at any depth. */
function postBatch(message: Record<string, unknown> & { items: unknown[] }) {
  try {
    post(message as unknown as ReadFileMessage);
  } catch {
    const { items, ...rest } = message;
    post({ ...rest, json: stringifyJson(items) } as unknown as ReadFileMessage);
  }
}

// Reading, parsing and checking a file of many megabytes happens here, off the page's thread; the page receives the
// items a page at a time, so no one message costs it a long task.
self.onmessage = async (event: MessageEvent<ReadFileRequest>) => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await event.data.file.arrayBuffer());
  } catch {
    return post({ type: 'failed', message: 'could not be read.' });
  }
  const decoded = decodeFileText(bytes);
  if (!decoded.ok) return post({ type: 'failed', message: decoded.message });
  const result = readConversationFile(decoded.text);
  if (!result.ok) return post({ type: 'failed', message: result.message });
  const { items } = result;
  postBatch({ type: 'first', conversation: result.conversation, source: result.source, total: items.length, note: result.note, items: items.slice(0, FIRST_PAGE) });
  for (let start = FIRST_PAGE; start < items.length; start += PAGE) postBatch({ type: 'items', items: items.slice(start, start + PAGE) });
  post({ type: 'done' });
};
