/**
 * A file's bytes as text: UTF-8 (with or without its byte-order mark), or UTF-16 where the file starts with that
 * mark. Anything else is refused with a reason, where decoding it as UTF-8 anyway would show its accented letters as
 * `�` without a word.
 */
export function decodeFileText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `This file is not ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text: save it as UTF-8 and open it again.` };
  }
}
