import type { ExportItem } from '../../../shared/export/export-document';

/** Larger files would take the browser's memory several times over while parsed and shown. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A conversation read from a local file: it lives in this tab only, and nothing of it is uploaded. */
export interface OpenedFile {
  name: string;
  conversation: { id?: string; [field: string]: unknown };
  items: ExportItem[];
  source: { id: string | null; label: string | null } | null;
}

let current: OpenedFile | null = null;

export const getOpenedFile = () => current;

export function setOpenedFile(file: OpenedFile | null) {
  current = file;
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Reads pasted text or a chosen file; the answer says what is wrong when it is not a conversation. */
export async function openText(text: string, name: string): Promise<{ ok: true; file: OpenedFile } | { ok: false; message: string }> {
  // The reader (and zod with it) loads only when a file is opened, so the home page stays light.
  const { readConversationFile } = await import('../../../shared/export/read-conversation-file');
  const result = readConversationFile(text);
  if (!result.ok) return result;
  return { ok: true, file: { name, conversation: result.conversation, items: result.items, source: result.source } };
}

export async function openLocalFile(file: File): Promise<{ ok: true; file: OpenedFile } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `“${file.name}” is ${mib(file.size)}, more than this browser page can hold (${mib(MAX_FILE_BYTES)}).` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `“${file.name}” could not be read.` };
  }
  const opened = await openText(text, file.name);
  return opened.ok ? opened : { ok: false, message: `“${file.name}”: ${opened.message}` };
}
