/** What a file is by its first bytes, where they name a common binary format; null for anything else. */
function binaryKind(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, at) => bytes[at] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'a WebP image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (or an Office document)';
  if (starts(0x1f, 0x8b)) return 'gzip-compressed data';
  return null;
}

/**
 * A file's bytes as text: UTF-8 (with or without its byte-order mark), or UTF-16 where the file starts with that
 * mark, or with a character of ASCII whose other byte is zero (UTF-16 saved without the mark). Anything else is refused with a reason, where decoding it as UTF-8 anyway would show its accented letters as
 * `�` without a word.
 */
export function decodeFileText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, message: `This file is ${kind}, not text: open a conversation exported as JSON, or its items as JSON or JSON Lines.` };
  // JSON begins with a character of ASCII: written in UTF-16 without its mark, one of its first two bytes is zero.
  const utf16 = bytes.length >= 2 && (bytes[0] === 0) !== (bytes[1] === 0) ? (bytes[1] === 0 ? 'utf-16le' : 'utf-16be') : null;
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : (utf16 ?? 'utf-8');
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `This file is not ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text: save it as UTF-8 and open it again.` };
  }
}
