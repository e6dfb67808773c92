import type { ExportItem } from '../../../shared/export/export-document';
import { ArrivingItems } from './arriving-items';
import { decodeFileText } from './decode-file';
import type { ExportShared, ExportSource } from '../../../shared/export/export-document';
import { receivedMessage, type PostedMessage } from './file-messages';
import { formatCount, plural } from '../../../shared/format';

/** Larger files would take the browser's memory several times over while parsed and shown. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A conversation read from a local file: it lives in this tab only, and nothing of it is uploaded. */
export interface OpenedFile {
  name: string;
  conversation: { id?: string; [field: string]: unknown };
  /** Every item, in order; it grows in place until `arriving.complete`. */
  items: ExportItem[];
  arriving: ArrivingItems;
  source: ExportSource | null;
  /** What reading did to the file that its reader should know (items put oldest first). */
  note?: string;
  /** A snapshot's or a rules download's export: what it left out. */
  shared?: ExportShared;
}

type OpenResult = { ok: true; file: OpenedFile } | { ok: false; message: string };

let current: OpenedFile | null = null;

export const getOpenedFile = () => current;

export function setOpenedFile(file: OpenedFile | null) {
  current = file;
}

/** One decimal place, so a file a little over the limit does not read as the limit itself. */
const mib = (bytes: number) => `${formatCount(Math.floor((bytes / 1024 / 1024) * 10) / 10)} MiB`;

/** Reads pasted text; the answer says what is wrong when it is not a conversation. */
export async function openText(text: string, name: string): Promise<OpenResult> {
  // The reader (and zod with it) loads only when a file is opened, so the home page stays light.
  const { readConversationFile } = await import('../../../shared/export/read-conversation-file');
  const result = readConversationFile(text);
  if (!result.ok) return result;
  const arriving = ArrivingItems.from(result.items);
  return { ok: true, file: { name, conversation: result.conversation, items: arriving.all, arriving, source: result.source, note: result.note, shared: result.shared } };
}

/** Reads, parses and checks the file in a worker; resolves with its first items while the rest arrive. */
function readInWorker(file: File): Promise<OpenResult> {
  const worker = new Worker(new URL('./read-file.worker.ts', import.meta.url), { type: 'module', name: 'file reader' });
  return new Promise((resolve) => {
    let arriving: ArrivingItems | null = null;
    const stopped = (arrived: ArrivingItems) => arrived.fail(`The browser stopped reading the file after ${plural(arrived.all.length, 'item')}; what came before is shown.`);
    // A message the page cannot rebuild (nested deeper than its own structured clone takes) ends the reading as an error does.
    worker.onerror = worker.onmessageerror = () => {
      worker.terminate();
      if (!arriving) resolve({ ok: false, message: `“${file.name}” could not be read.` });
      else stopped(arriving);
    };
    worker.onmessage = (event: MessageEvent<PostedMessage>) => {
      const message = receivedMessage(event.data);
      if (message.type === 'failed') {
        worker.terminate();
        if (!arriving) resolve({ ok: false, message: `“${file.name}”: ${message.message}` });
        else stopped(arriving);
      } else if (message.type === 'first') {
        arriving = new ArrivingItems();
        arriving.add(message.items as ExportItem[]);
        resolve({ ok: true, file: { name: file.name, conversation: message.conversation, items: arriving.all, arriving, source: message.source, note: message.note, shared: message.shared } });
      } else if (message.type === 'items') {
        arriving?.add(message.items as ExportItem[]);
      } else {
        arriving?.finish();
        worker.terminate();
      }
    };
    worker.postMessage({ file });
  });
}

export async function openLocalFile(file: File): Promise<OpenResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `“${file.name}” is ${mib(file.size)}, more than this browser page can hold (${mib(MAX_FILE_BYTES)}).` };
  }
  if (typeof Worker !== 'undefined') return readInWorker(file);
  let text: string;
  try {
    const decoded = decodeFileText(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return { ok: false, message: `“${file.name}”: ${decoded.message}` };
    text = decoded.text;
  } catch {
    return { ok: false, message: `“${file.name}” could not be read.` };
  }
  const opened = await openText(text, file.name);
  return opened.ok ? opened : { ok: false, message: `“${file.name}”: ${opened.message}` };
}
