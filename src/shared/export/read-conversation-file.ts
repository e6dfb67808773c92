import { EXPORT_FORMAT, exportDocument, type ExportItem, type ExportShared, type ExportSource } from './export-document.ts';
import { jsonErrorOffset, lineAndColumn } from './json-error-place.ts';
import { formatCount } from '../format.ts';

export type FileShape = 'list' | 'array' | 'jsonl' | 'export';

export type ReadFileResult =
  | {
      ok: true;
      shape: FileShape;
      conversation: { id?: string; [field: string]: unknown };
      items: ExportItem[];
      source: ExportSource | null;
      /** What the reader did to the file that its reader should know (items put oldest first). */
      note?: string;
      /** A snapshot's or a rules download's export: what it left out, so the page says so as the snapshot's page does. */
      shared?: ExportShared;
    }
  | { ok: false; message: string };

const fail = (message: string): ReadFileResult => ({ ok: false, message });

const EXPECTED =
  'expected a page of items ({"object": "list", "data": [...]}), an array of items, JSON Lines of items, or a file exported by this viewer';

function checkItems(values: unknown[], where: (index: number) => string): ExportItem[] | string {
  for (const [index, value] of values.entries()) {
    const item = value as { id?: unknown; type?: unknown } | null;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return `${where(index)} is not an item object.`;
    // An ID left empty as the SDKs' types allow (`id?: string | null`: input items, compaction) and as Python's
    // model_dump() writes it: an item without an ID, as one without the field is.
    if (item.id === null) delete item.id;
    if (item.id !== undefined && (typeof item.id !== 'string' || !item.id)) return `${where(index)} has an "id" that is not a text.`;
    if (typeof item.type !== 'string' || !item.type) return `${where(index)}${item.id ? ` (${item.id.slice(0, 60)})` : ''} has no "type".`;
  }
  return values as ExportItem[];
}

/**
 * Whether items are listed newest first, as the API lists them unless asked otherwise: most tool outputs come before
 * the calls they answer. (Oldest first, every output follows its call.) Only a call and its output both in the file
 * tell: a page of a longer run may begin with an output whose call is on the page before, or end with a call whose
 * output is on the page after, and either fits both orders.
 */
export function listedNewestFirst(list: readonly ExportItem[]): boolean {
  const calls = new Set<string>();
  const outputs = new Set<string>();
  let before = 0;
  let after = 0;
  for (const item of list) {
    const callId = typeof item.call_id === 'string' ? item.call_id : null;
    if (!callId) continue;
    if (item.type.endsWith('_output')) {
      if (calls.has(callId)) after += 1;
      outputs.add(callId);
    } else {
      if (outputs.has(callId)) before += 1;
      calls.add(callId);
    }
  }
  return before > 0 && before > after * 2;
}

function items(values: unknown[], shape: FileShape, where: (index: number) => string, conversation: Record<string, unknown> = {}, note?: string): ReadFileResult {
  const checked = checkItems(values, where);
  if (typeof checked === 'string') return fail(checked);
  if (listedNewestFirst(checked)) {
    checked.reverse();
    const newestFirst = 'This file lists its items newest first (the API’s default order); they are shown oldest first.';
    return { ok: true, shape, conversation, items: checked, source: null, note: note ? `${note} ${newestFirst}` : newestFirst };
  }
  return { ok: true, shape, conversation, items: checked, source: null, ...(note ? { note } : {}) };
}

/** Whether JSON.parse stopped at the very end of `text`: what came before was right, and the rest is missing. */
function endsPartWay(error: unknown, text: string): boolean {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  return /end of (JSON input|data)/i.test(message) || (position !== undefined && Number(position) >= text.length);
}

/** Where a second JSON value begins, when the text is one JSON value and then another (as jq writes them without -c). */
function secondValueAt(error: unknown, text: string): number | null {
  const position = /after JSON at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined || !/^[[{]/.test(text.slice(Number(position)))) return null;
  try {
    JSON.parse(text.slice(0, Number(position)));
    return Number(position);
  } catch {
    return null;
  }
}

/**
 * Where in the file JSON.parse gave up, as a line and column: by the position it names, else found by reading the text
 * again (its "Unexpected token" names none). `body` is the file's text, `trimmed` what was parsed.
 */
function placeOf(error: unknown, trimmed: string, body: string): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  const offset = position === undefined ? jsonErrorOffset(trimmed) : Number(position);
  if (offset === null) return '';
  const { line, column } = lineAndColumn(body, body.length - body.trimStart().length + offset);
  return `: line ${formatCount(line)}, column ${formatCount(column)}`;
}

const CUT_SHORT = 'so it was probably cut short while it was saved, downloaded or copied';

/** At most this many of a file's lines that are not JSON are named in its note; the rest are counted. */
const NAMED_BAD_LINES = 5;

/** The note for lines left out: which (the first few, then how many more), and how many items the rest hold. */
function badLinesNote(lines: number[], count: number, kept: number): string {
  const shown = lines.map((line) => formatCount(line));
  const more = count - shown.length;
  const named = more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0];
  const shownItems = `${formatCount(kept)} ${kept === 1 ? 'item' : 'items'}`;
  return count === 1
    ? `Line ${named} is not JSON and is left out: the ${shownItems} on the other lines are shown.`
    : `${formatCount(count)} lines are not JSON and are left out (lines ${named}): the ${shownItems} on the other lines are shown.`;
}

function readJsonLines(text: string): ReadFileResult {
  const lines = text.split(/\r?\n/);
  const values: unknown[] = [];
  const lineNumbers: number[] = [];
  // Lines that are not JSON are left out and named in a note, so one damaged line does not cost the file's other items.
  const badLines: number[] = [];
  let badCount = 0;
  let firstBad: { line: number; reason: string; cutShort: boolean } | null = null;
  let lastLine = 0;
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    lastLine = index + 1;
    try {
      // A line may begin with a byte-order mark: files saved by Windows tools, put end to end (cat a.jsonl b.jsonl).
      const value = JSON.parse(line.replace(/^\uFEFF/, '')) as { object?: unknown; data?: unknown } | null;
      // A page of items a line, as a script that saves every page it reads writes them: the page's items, in turn.
      const found = value?.object === 'list' && Array.isArray(value.data) ? (value.data as unknown[]) : [value];
      for (const each of found) {
        values.push(each);
        lineNumbers.push(index + 1);
      }
    } catch (error) {
      badCount += 1;
      if (badLines.length < NAMED_BAD_LINES) badLines.push(index + 1);
      firstBad ??= { line: index + 1, reason: error instanceof Error ? error.message : 'not JSON', cutShort: endsPartWay(error, line) };
    }
  }
  if (!firstBad) return items(values, 'jsonl', (index) => `Line ${lineNumbers[index]}`);
  if (values.length === 0) return fail(`This file is not JSON (${firstBad.reason}).`);
  const where = (at: number) => `Line ${lineNumbers[at]}`;
  // A log cut off while it was written (an agent stopped mid-line): every whole line before it is kept.
  if (badCount === 1 && firstBad.cutShort && firstBad.line === lastLine) {
    const kept = `${formatCount(values.length)} ${values.length === 1 ? 'item' : 'items'} before it`;
    return items(values, 'jsonl', where, {}, `The file ends part way through line ${formatCount(firstBad.line)}, ${CUT_SHORT}: the ${kept} are shown.`);
  }
  return items(values, 'jsonl', where, {}, badLinesNote(badLines, badCount, values.length));
}

const parses = (line: string): unknown => {
  try {
    return JSON.parse(line.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
};

/** Lines read to tell JSON Lines whose first line is damaged from a JSON document with a mistake. */
const LINES_LOOKED_AT = 10;

/**
 * Whether the text is JSON Lines: its first line is JSON of its own, or (a log cut from its middle, as `tail -c`
 * leaves it, which starts part way through a line) two of the lines after it are objects of their own. A first line
 * that starts as a JSON document does (`[` or `{`) may be the end of a line cut there too (`{"type": "input_text"}]}`):
 * then it ends as a line of JSON Lines does, with `}` or `]`, where a document's first line holds its start, and the
 * lines after it are objects but for at most one (the file may end part way through a line as well).
 */
function isJsonLines(text: string): boolean {
  const lines = text.split('\n', LINES_LOOKED_AT + 1).filter((line) => line.trim());
  const first = lines[0] ?? '';
  if (parses(first) !== undefined) return true;
  const after = lines.slice(1);
  const objects = after.filter((line) => {
    const value = parses(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  });
  if (!/^\s*[[{]/.test(first)) return objects.length >= 2;
  return /[\]}]\s*$/.test(first) && objects.length >= 2 && objects.length >= after.length - 1;
}

/** Reads a conversation from a file's text, in any of the shapes the viewer accepts, or says what is wrong. */
export function readConversationFile(text: string): ReadFileResult {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  if (!trimmed) return fail('The file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    // JSON Lines (read from the file's text, so its line numbers are the file's); else a JSON document with a mistake,
    // said where it is.
    if (trimmed.includes('\n') && isJsonLines(trimmed)) return readJsonLines(body);
    // The viewer's other downloads among them: they are for reading, and hold the run as text.
    const readable = /^<(?:!doctype html|html)[\s>]/i.test(trimmed) ? 'an HTML page' : /^#{1,6} /.test(trimmed) ? 'Markdown' : null;
    if (readable) return fail(`This file is ${readable}, not JSON: the viewer's Markdown and HTML downloads are for reading. To open a conversation here, download it as JSON instead.`);
    const reason = error instanceof Error ? error.message : 'it does not parse';
    const second = secondValueAt(error, trimmed);
    if (second !== null) {
      const line = trimmed.slice(0, second).split('\n').length;
      return fail(
        `This file holds one JSON value after another (the second begins on line ${line}), as jq writes them without -c. Save them one per line (JSON Lines: jq -c) or as an array (jq -s), then open it again.`,
      );
    }
    if (endsPartWay(error, trimmed)) return fail(`This file is not JSON: it ends part way through, ${CUT_SHORT} (${reason}).`);
    // The engine's own line and column (Chromium's) would count from the trimmed text: the file's are given instead.
    return fail(`This file is not JSON${placeOf(error, trimmed, body)} (${reason.replace(/ \(line \d+ column \d+\)$/, '')}).`);
  }
  if (Array.isArray(value)) return items(value, 'array', (index) => `Item ${index + 1}`);
  if (!value || typeof value !== 'object') return fail(`This JSON is not a conversation: ${EXPECTED}.`);
  const object = value as Record<string, unknown>;
  if (typeof object.format === 'string') {
    if (object.format !== EXPORT_FORMAT) return fail(`This is a "${object.format.slice(0, 60)}" document; the viewer reads "${EXPORT_FORMAT}".`);
    const parsed = exportDocument.safeParse(object);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(`This export is damaged (${issue.path.join('.') || 'the document'}: ${issue.message}).`);
    }
    // The conversation and items as the file holds them: the checked copies would have turned a field named
    // `__proto__` into the object's prototype, dropping it and lending its fields to the item.
    const checked = object as { conversation: { id?: string; [field: string]: unknown }; items: ExportItem[] };
    const { snapshot, rules } = parsed.data;
    const shared = snapshot || rules ? { shared: { ...(snapshot ? { snapshot } : {}), ...(rules ? { rules } : {}) } } : {};
    return { ok: true, shape: 'export', conversation: checked.conversation, items: checked.items, source: parsed.data.source, ...shared };
  }
  // The page as the API sends it, or as an SDK keeps it: the Node SDK's page, saved with JSON.stringify, holds `data`,
  // `has_more` and `last_id` beside the raw body, without `object`.
  const sdkPage = object.object === undefined && typeof object.type !== 'string' && ('has_more' in object || 'last_id' in object);
  if ((object.object === 'list' || sdkPage) && Array.isArray(object.data)) {
    const read = items(object.data, 'list', (index) => `Item ${index + 1} of "data"`);
    // One page of a longer list: what the file holds is not the whole conversation, and the reader should know.
    if (!read.ok || object.has_more !== true) return read;
    const more = `This file is one page of the conversation's items, and the page says more follow (has_more): only the ${read.items.length} on it are shown.`;
    return { ...read, note: read.note ? `${more} ${read.note}` : more };
  }
  if (typeof object.type === 'string' && !('data' in object)) return items([object], 'jsonl', () => 'The item');
  if (Array.isArray(object.resourceSpans)) {
    // The viewer's own OpenTelemetry export among them: it is for a trace backend, and holds the run as spans.
    return fail('This is an OpenTelemetry (OTLP) trace, for a tracing backend such as Jaeger, Phoenix or Langfuse. To open a conversation here, download it as JSON instead.');
  }
  return fail(`This JSON is not a conversation: ${EXPECTED}.`);
}
