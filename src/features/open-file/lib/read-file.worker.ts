import { readConversationFile } from '../../../shared/export/read-conversation-file';
import { FIRST_PAGE, PAGE } from './arriving-items';

/** What the page asks: read this file. */
export interface ReadFileRequest {
  file: Blob;
}

/** What it hears back: a failure, or the conversation with its first items, then the rest a page at a time. */
export type ReadFileMessage =
  | { type: 'failed'; message: string }
  | { type: 'first'; conversation: Record<string, unknown>; source: { id: string | null; label: string | null } | null; total: number; items: unknown[] }
  | { type: 'items'; items: unknown[] }
  | { type: 'done' };

const post = (message: ReadFileMessage) => self.postMessage(message);

// Reading, parsing and checking a file of many megabytes happens here, off the page's thread; the page receives the
// items a page at a time, so no one message costs it a long task.
self.onmessage = async (event: MessageEvent<ReadFileRequest>) => {
  let text: string;
  try {
    text = await event.data.file.text();
  } catch {
    return post({ type: 'failed', message: 'could not be read.' });
  }
  const result = readConversationFile(text);
  if (!result.ok) return post({ type: 'failed', message: result.message });
  const { items } = result;
  post({ type: 'first', conversation: result.conversation, source: result.source, total: items.length, items: items.slice(0, FIRST_PAGE) });
  for (let start = FIRST_PAGE; start < items.length; start += PAGE) post({ type: 'items', items: items.slice(start, start + PAGE) });
  post({ type: 'done' });
};
