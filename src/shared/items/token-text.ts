import { decodedSize } from './byte-size.ts';
import type { OpaqueData } from './token-labels.ts';
import { catalogEntry, textFieldsOf } from './item-catalog.ts';

type Item = { type: string; [field: string]: unknown };


export interface TokenText {
  /** The readable text, what a tokenizer should count. */
  text: string;
  /** The opaque data the item holds, largest kind first; null when there is none. */
  opaque: OpaqueData | null;
}

/** Inside a field, the keys that hold text (content parts, outputs, commands, the page a web search opened and what it looked for there). */
const TEXT_KEYS = new Set(['text', 'refusal', 'arguments', 'input', 'output', 'code', 'result', 'error', 'query', 'queries', 'commands', 'command', 'diff', 'logs', 'stdout', 'stderr', 'name', 'description', 'url', 'pattern']);
const IMAGE_KEYS = new Set(['image_url', 'url']);
/** Shorter strings are words, whatever letters they use. */
const BLOB_MIN = 256;

/**
 * Base64 (standard or URL-safe, with line breaks): one linear pass over character codes, no regular expression.
 * Only what is shaped like encoded bytes counts: the base64 alphabet and no other punctuation, one alphabet's symbols
 * (not both), a length that is a whole number of 4-character groups, padding only at the end, and capitals, small
 * letters and digits all present, as any encoded data of this length has them. A long line of one letter, or of
 * capitals, digits and dashes (an identifier, a marker line), is text.
 */
function isBase64(text: string): boolean {
  if (text.length < BLOB_MIN) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let padding = 0;
  let body = 0;
  let standard = false;
  let urlSafe = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) continue;
    body += 1;
    if (c === 61) {
      padding += 1;
      if (padding > 2) return false;
      continue;
    }
    // Nothing follows the padding.
    if (padding > 0) return false;
    if (c >= 65 && c <= 90) upper += 1;
    else if (c >= 97 && c <= 122) lower += 1;
    else if (c >= 48 && c <= 57) digits += 1;
    else if (c === 43 || c === 47) standard = true;
    else if (c === 45 || c === 95) urlSafe = true;
    else return false;
  }
  if (standard && urlSafe) return false;
  if (body % 4 !== 0) return false;
  if (upper === 0 || lower === 0 || digits === 0) return false;
  // Base64 has no spaces and few separators.
  return upper + lower + digits > text.length * 0.9;
}

function opaqueKind(key: string | number | null, text: string, item: Item, topLevel: boolean): OpaqueData['kind'] | null {
  if (key === 'encrypted_content') return 'encrypted';
  if (text.startsWith('data:')) return text.startsWith('data:image/') ? 'image' : 'data';
  const entry = catalogEntry(item.type);
  if (topLevel && typeof key === 'string') {
    if (entry?.holds?.ciphertext?.includes(key)) return 'encrypted';
    if (entry?.holds?.images?.some((path) => path === key || path.startsWith(`${key}.`))) return isBase64(text) || text.length >= BLOB_MIN ? 'image' : null;
    if (entry?.opaqueFields?.includes(key) && text.length >= BLOB_MIN) return 'data';
  }
  if (!isBase64(text)) return null;
  return typeof key === 'string' && IMAGE_KEYS.has(key) ? 'image' : item.type === 'image_generation_call' ? 'image' : 'data';
}

/** JSON text longer than this is counted as written: parsing it to look inside would double its memory. */
const MAX_JSON_LOOK = 4 * 1024 * 1024;

/**
 * JSON text (a tool's output) with the base64 and data URLs inside it taken out and added to `bytes`, as they would
 * be were the values given directly: `{"mime":"image/png","data":"iVBOR…"}` is a few tokens and an image.
 */
function withoutEmbeddedBlobs(text: string, bytes: Record<OpaqueData['kind'], number>): string {
  const first = text.charCodeAt(0);
  if (text.length < BLOB_MIN || text.length > MAX_JSON_LOOK || (first !== 123 && first !== 91)) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  let rest = text;
  const stack: unknown[] = [parsed];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const kind = value.startsWith('data:') ? (value.startsWith('data:image/') ? 'image' : 'data') : isBase64(value) ? 'data' : null;
      if (!kind) continue;
      const written = JSON.stringify(value).slice(1, -1);
      if (!rest.includes(written)) continue;
      rest = rest.replace(written, '');
      bytes[kind] += decodedSize(value);
    } else if (value && typeof value === 'object') {
      for (const child of Object.values(value)) stack.push(child);
    }
  }
  return rest;
}

/**
 * What a tokenizer should count of an item: its readable text (the catalog's text fields, or every string when it
 * has none), without base64 images, file data or ciphertext, which are reported in bytes instead. Walked with a
 * stack, so no nesting depth overflows it, and no regular expression runs over the data.
 */
export function tokenText(item: Item): TokenText {
  const bytes: Record<OpaqueData['kind'], number> = { image: 0, encrypted: 0, data: 0 };
  const parts: string[] = [];
  const fields = textFieldsOf(item.type).filter((field) => Object.hasOwn(item, field));
  const readAll = fields.length === 0;
  // Entries: [key, value, readable, topLevel]. Readable: inside the text fields (or anywhere, for an item without any).
  const stack: [string | number | null, unknown, boolean, boolean][] = [];
  for (const key of Object.keys(item).reverse()) stack.push([key, item[key], readAll || fields.includes(key), true]);
  while (stack.length) {
    const [key, value, readable, topLevel] = stack.pop()!;
    if (typeof value === 'string') {
      const kind = opaqueKind(key, value, item, topLevel);
      if (kind) bytes[kind] += decodedSize(value);
      else if (readable && value) parts.push(withoutEmbeddedBlobs(value, bytes));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([i, value[i], readable, false]);
    } else if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const child = keys[i];
        // Inside a text field only the keys that hold text are read, as Copy reads them; the rest may still be opaque.
        stack.push([child, (value as Record<string, unknown>)[child], readable && (readAll || TEXT_KEYS.has(child)), false]);
      }
    }
  }
  const kinds = (Object.keys(bytes) as OpaqueData['kind'][]).filter((kind) => bytes[kind] > 0).sort((a, b) => bytes[b] - bytes[a]);
  const total = kinds.reduce((sum, kind) => sum + bytes[kind], 0);
  return { text: parts.join('\n\n'), opaque: kinds.length ? { kind: kinds[0], bytes: total } : null };
}

