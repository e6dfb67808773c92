import { foldForSearch } from '../../../lib/search-fold';
import { catalogEntry } from '../../../shared/items/item-catalog';
import { markdownPlain } from './markdown-plain';
import { jsonShownLines } from '../lib/json-box-lines';
import { isJsonNode, parseJson, WrittenNumber } from '../../../shared/items/written-number';
import type { ConversationItem } from '../types';

/**
 * Fields that hold opaque blobs (base64 images, encrypted reasoning), which no reader searches for. (A generated
 * image's `result` is the catalog's opaque field of its type; a `result` elsewhere is text the page shows.)
 */
const OPAQUE_FIELDS = new Set(['encrypted_content', 'image_url', 'file_data']);
/** Shorter strings are always searched: a blob worth leaving out is long. */
const BLOB_MIN_LENGTH = 4096;

const isBase64 = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61;

/**
 * Whether a long string is nothing but base64, wrapped in lines of 60 characters or more as base64 is. Text of words
 * and numbers has spaces or short lines, and stays searchable. A plain scan: a regular expression over a text of
 * millions of characters can exhaust the stack, and took the whole transcript down with it.
 */
function looksBase64(value: string): boolean {
  if (value.length < BLOB_MIN_LENGTH) return false;
  let lineBreaks = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code === 10 || code === 13) lineBreaks += 1;
    else if (!isBase64(code)) return false;
  }
  return lineBreaks * 60 <= value.length;
}

/** Longer Markdown is searched as written, list items and all. */
const MAX_MARKDOWN_BLOCKS = 256 * 1024;
/** A list item's line: its indent, then a bullet (group 1) or a number (group 2), then a space. */
const LIST_LINE = /^[ \t]*(?:([-*+])|(\d{1,9})[.)])[ \t]/;

/**
 * Markdown as written, with each list item a block of its own, as the page shows it: a search never runs on from one
 * item of a list into the next (or from the line before a list into its first item), where nothing could mark it. As
 * in CommonMark, a numbered line starts a list inside a paragraph only when it is numbered 1 (`grew in\n2023. Then`
 * is one paragraph); after an item, any item goes on the list.
 */
function markdownBlocks(text: string): string {
  if (text.length > MAX_MARKDOWN_BLOCKS || !text.includes('\n')) return text;
  const lines = text.split('\n');
  let out = lines[0];
  let afterItem = LIST_LINE.test(lines[0]);
  for (let i = 1; i < lines.length; i += 1) {
    const item = LIST_LINE.exec(lines[i]);
    const starts = item !== null && (item[1] !== undefined || item[2] === '1' || afterItem || lines[i - 1].trim() === '');
    out += (starts ? '\n\n' : '\n') + lines[i];
    afterItem = starts || (afterItem && item === null && lines[i].trim() !== '');
  }
  return out;
}

/** Longer JSON text is searched as written: parsing it would double its memory. */
const MAX_DECODED_JSON = 1024 * 1024;

/** The object or list a JSON text holds, or undefined: not one, or too long to parse here. */
function jsonObjectOf(value: string): object | undefined {
  if (value.length > MAX_DECODED_JSON) return undefined;
  const first = value.trimStart().charCodeAt(0);
  if (first !== 123 && first !== 91) return undefined;
  try {
    const parsed = parseJson(value);
    return isJsonNode(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** JSON text with escapes in it (`Caf\u00e9`), whose values the page shows decoded: they are searched decoded too. */
function decodedJson(value: string): object | undefined {
  const first = value.charCodeAt(0);
  return (first === 123 || first === 91) && value.includes('\\') ? jsonObjectOf(value) : undefined;
}

/**
 * Values the page shows as a label or a badge, not as text: an item's `type`, `status`, `role` and `object`, and the
 * `type` of its content and summary parts. Searched, "message" or "completed" would count nearly every item with
 * nothing highlighted in any of them.
 */
const LABEL_KEYS = new Set(['type', 'status', 'role', 'object']);
/** Lists of typed parts: an item's content, summary and output (a tool's answer in parts), and a part's annotations. */
const PART_LISTS = new Set(['content', 'summary', 'output']);
const PART_INNER_LISTS = new Set(['annotations']);

/**
 * A list of parts on the walk's stack: each part is searched for what it holds, not for its `type`. `markdown`: the
 * parts' text may be shown as Markdown (a message's content, a reasoning summary), not as JSON or plain text.
 */
class PartList {
  constructor(
    readonly parts: readonly unknown[],
    readonly markdown = false,
    /** Shown as Markdown at first, not only on a switch: see `ShownMarkdown`. */
    readonly blocks = false,
  ) {}
}

/**
 * A text the page may show as Markdown, on the walk's stack: searched as written and as shown, each with its list
 * items blocks of their own (see `markdownBlocks`).
 */
class ShownMarkdown {
  constructor(
    readonly text: string,
    /** The page shows it as Markdown at first (an assistant's message, a reasoning summary): its list items are blocks. */
    readonly blocks: boolean,
  ) {}
}

/** JSON text the page shows as a JSON box (a tool's arguments or output), on the walk's stack: searched as shown. */
class ShownJson {
  constructor(readonly lines: readonly string[]) {}
}

/** The top-level fields of each type whose text the page shows as a JSON box when it is JSON (see `ToolPayload`). */
const JSON_BOX_FIELDS: Record<string, readonly string[]> = {
  function_call: ['arguments'],
  custom_tool_call: ['input'],
  function_call_output: ['output'],
  custom_tool_call_output: ['output'],
  tool_search_call: ['arguments'],
  program_output: ['result'],
  mcp_approval_request: ['arguments'],
  mcp_call: ['arguments', 'output'],
  local_shell_call_output: ['output'],
  shell_call_output: ['output'],
};

/**
 * The lines a JSON box shows of a field's text (`"city": "Paris"`, where the text holds `{"city":"Paris"}`), or null
 * when the page shows it as it is written: not an object or a list, too long to parse here, or a local shell's
 * output, which the page shows as its streams.
 */
function jsonBoxLines(type: string, value: string): string[] | null {
  const parsed = jsonObjectOf(value);
  if (parsed === undefined) return null;
  if (type === 'local_shell_call_output' && !Array.isArray(parsed) && ('stdout' in parsed || 'stderr' in parsed)) return null;
  return jsonShownLines(parsed);
}

/** The fields whose text the page may show as Markdown. */
const MARKDOWN_LISTS = new Set(['content', 'summary']);

/** Pushes an object's values for the walk, last first, leaving out the keys given and long opaque fields. */
function pushValues(stack: unknown[], value: object, leaveOut?: ReadonlySet<string>) {
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const [key, child] = entries[i];
    if (leaveOut?.has(key)) continue;
    // Inside a part (a left-out `type` says it is one), its annotations are parts too.
    if (leaveOut && PART_INNER_LISTS.has(key) && Array.isArray(child)) stack.push(new PartList(child));
    else if (!(OPAQUE_FIELDS.has(key) && typeof child === 'string' && child.length > 256)) stack.push(child);
  }
}

const PART_LABELS = new Set(['type']);
/** A part's labels and its text, which a `ShownMarkdown` holds. */
const PART_LABELS_AND_TEXT = new Set(['type', 'text']);

/**
 * Every string value of an item the page shows as text (not its keys, nor the labels above), lowercased, for search:
 * text, tool names, arguments, outputs, summaries, IDs and metadata. Walked with a stack, so even a value nested
 * thousands of levels deep is safe.
 */
export function searchableText(item: ConversationItem): string {
  const parts: string[] = [];
  const entry = catalogEntry(item.type);
  const opaque = entry?.opaqueFields ?? [];
  // An item of a type the viewer does not know is shown as its JSON, labels and all.
  const labels = entry ? LABEL_KEYS : null;
  const partLabels = entry !== undefined;
  const stack: unknown[] = [];
  const jsonBoxes = entry ? JSON_BOX_FIELDS[item.type] : undefined;
  // An assistant's message is shown as Markdown at first; everyone else's as written (Markdown on a switch).
  const assistant = item.type === 'message' && (item as { role?: unknown }).role === 'assistant';
  const top = opaque.length > 0 ? Object.fromEntries(Object.entries(item).filter(([key]) => !opaque.includes(key))) : item;
  // The parts of a message, a summary or a tool's answer are searched for what they hold, not for their type.
  for (const [key, list] of Object.entries(top).reverse()) {
    if (labels?.has(key)) continue;
    const box = jsonBoxes?.includes(key) && typeof list === 'string' ? jsonBoxLines(item.type, list) : null;
    if (box) stack.push(new ShownJson(box));
    else if (PART_LISTS.has(key) && Array.isArray(list) && partLabels) stack.push(new PartList(list, MARKDOWN_LISTS.has(key), key === 'summary' || (key === 'content' && assistant)));
    else if (key === 'content' && typeof list === 'string' && partLabels) stack.push(new ShownMarkdown(list, assistant));
    else if (!(OPAQUE_FIELDS.has(key) && typeof list === 'string' && list.length > 256)) stack.push(list);
  }
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (!value.startsWith('data:') && !looksBase64(value)) parts.push(value);
      const decoded = decodedJson(value);
      if (decoded) stack.push(decoded);
    } else if (typeof value === 'number' || value instanceof WrittenNumber) {
      parts.push(String(value));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push(value[i]);
    } else if (value instanceof ShownJson) {
      // Each line is a block of its own on the page: a search does not run on from one into the next.
      for (const line of value.lines) parts.push(line);
    } else if (value instanceof ShownMarkdown) {
      const written = value.blocks ? markdownBlocks(value.text) : value.text;
      if (!value.text.startsWith('data:') && !looksBase64(value.text)) parts.push(written);
      const plain = markdownPlain(value.text);
      if (plain !== written) parts.push(plain);
      // A text that is JSON with escapes in it is shown decoded too (`said "yes"`), as any other string is.
      const decoded = decodedJson(value.text);
      if (decoded) stack.push(decoded);
    } else if (value instanceof PartList) {
      for (let i = value.parts.length - 1; i >= 0; i -= 1) {
        const part = value.parts[i];
        if (part && typeof part === 'object' && !Array.isArray(part)) {
          // A part's text may be shown as Markdown: it is searched as shown too, after it is searched as written.
          const text = (part as { text?: unknown }).text;
          const markdown = typeof text === 'string' && value.markdown;
          if (markdown) stack.push(new ShownMarkdown(text, value.blocks));
          pushValues(stack, part, markdown ? PART_LABELS_AND_TEXT : PART_LABELS);
        } else if (typeof part === 'string' && value.markdown) {
          stack.push(new ShownMarkdown(part, value.blocks));
        } else {
          stack.push(part);
        }
      }
    } else if (value && typeof value === 'object') {
      pushValues(stack, value);
    }
  }
  // Parts are kept apart by a character no search holds: white space between them would let a search run on from one
  // field into the next, where no page shows them side by side.
  return foldForSearch(parts.join('\u0001'));
}
