import { postAsJsonIfRefused } from '../../../lib/post-as-json';
import { readConversationFile } from '../../../shared/export/read-conversation-file';
import { FIRST_PAGE, PAGE } from './arriving-items';
import { decodeFileText } from './decode-file';
import type { PostedMessage, ReadFileMessage } from './file-messages';

/** What the page asks: read this file. */
export interface ReadFileRequest {
  file: Blob;
}

const post = (message: PostedMessage) => self.postMessage(message);

const postWhole = (message: ReadFileMessage) => postAsJsonIfRefused(self, message, ['type']);

// Reading, parsing and checking a file of many megabytes happens here, off the page's thread; the page receives the
// items a page at a time, so no one message costs it a long task.
self.onmessage = async (event: MessageEvent<ReadFileRequest>) => {
  try {
    await read(event.data.file);
  } catch {
    // Whatever went wrong, the page hears of it: it waits for this worker's answer and would wait for ever.
    post({ type: 'failed', message: 'could not be read: reading it failed in this browser.' });
  }
};

async function read(file: Blob) {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return post({ type: 'failed', message: 'could not be read.' });
  }
  const decoded = decodeFileText(bytes);
  if (!decoded.ok) return post({ type: 'failed', message: decoded.message });
  const result = readConversationFile(decoded.text);
  if (!result.ok) return post({ type: 'failed', message: result.message });
  const { items } = result;
  postWhole({ type: 'first', conversation: result.conversation, source: result.source, total: items.length, note: result.note, shared: result.shared, items: items.slice(0, FIRST_PAGE) });
  for (let start = FIRST_PAGE; start < items.length; start += PAGE) postWhole({ type: 'items', items: items.slice(start, start + PAGE) });
  post({ type: 'done' });
}
