import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { openAiError } from '../http/json-error.ts';
import { CONVERSATION_ID_PATTERN, ITEM_ID_PATTERN } from '../../lib/ids.ts';

export interface ConversationObject {
  id: string;
  object: 'conversation';
  created_at: number;
  metadata: Record<string, string>;
}

export interface StoredItem {
  id: string;
  type: string;
  [field: string]: unknown;
}

export interface DemoConversation {
  title: string;
  description: string;
  conversation: ConversationObject;
  items: StoredItem[];
}

interface Thread {
  conversation: ConversationObject;
  items: StoredItem[];
  /** Position of each item in `items`, so a cursor is found without a scan. */
  positions: Map<string, number>;
}

function makeThread(conversation: ConversationObject, items: StoredItem[]): Thread {
  const stored = items.map(asStored);
  return { conversation, items: stored, positions: new Map(stored.map((item, index) => [item.id, index])) };
}

function reindex(thread: Thread) {
  thread.positions = new Map(thread.items.map((item, index) => [item.id, index]));
}

const MAX_ITEMS_PER_REQUEST = 20;
const DEFAULT_LIMIT = 20;

/** OpenAI's ID shape: the prefix, then 48 hex digits of which the first 8 are the creation time in seconds. */
export function newId(prefix: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, '0').slice(-8);
  return `${prefix}_${seconds}${randomBytes(20).toString('hex')}`;
}

/** The prefix OpenAI gives each item type's IDs. */
const ID_PREFIXES: Record<string, string> = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  custom_tool_call: 'ctc',
  custom_tool_call_output: 'ctco',
  reasoning: 'rs',
  web_search_call: 'ws',
  file_search_call: 'fs',
  code_interpreter_call: 'ci',
  image_generation_call: 'ig',
  computer_call: 'cu',
  computer_call_output: 'cuo',
  local_shell_call: 'lsh',
  local_shell_call_output: 'lsho',
  shell_call: 'sh',
  shell_call_output: 'sho',
  apply_patch_call: 'apc',
  apply_patch_call_output: 'apco',
  mcp_list_tools: 'mcpl',
  mcp_approval_request: 'mcpr',
  mcp_approval_response: 'mcpa',
  mcp_call: 'mcp',
  tool_search_call: 'tsc',
  tool_search_output: 'tso',
  additional_tools: 'at',
  program: 'prg',
  program_output: 'prgo',
  compaction: 'cmp',
  configuration_update: 'cfg',
};

export function idPrefixFor(type: string): string {
  return Object.hasOwn(ID_PREFIXES, type) ? ID_PREFIXES[type] : 'item';
}

/** What the API adds to an item it stores: `output_text` parts carry `logprobs` and `annotations`, outputs a status. */
export function asStored(item: StoredItem): StoredItem {
  const stored: StoredItem = { ...item };
  if (Array.isArray(item.content)) {
    stored.content = item.content.map((part: unknown) =>
      part && typeof part === 'object' && (part as { type?: unknown }).type === 'output_text'
        ? { annotations: [], logprobs: [], ...(part as object) }
        : part,
    );
  }
  if ((item.type === 'message' || item.type === 'function_call_output') && item.status === undefined) stored.status = 'completed';
  return stored;
}

function notFound(c: Context, what: string, id: string) {
  return openAiError(c, 404, `${what} with id '${id}' not found.`, null);
}

function parseLimit(raw: string | undefined): number | string {
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^-?\d+$/.test(raw)) return `Invalid 'limit': expected an integer, but got '${raw}' instead.`;
  const limit = Number(raw);
  if (limit < 1) return `Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`;
  if (limit > 100) return `Invalid 'limit': integer above maximum value. Expected a value <= 100, but got ${limit} instead.`;
  return limit;
}

/** Items as the API would store them: message items get an id and a status when the client gave none. */
function acceptItems(raw: unknown): StoredItem[] | string {
  if (!Array.isArray(raw)) return "Invalid 'items': expected an array.";
  if (raw.length > MAX_ITEMS_PER_REQUEST) {
    return `Invalid 'items': array too long. Expected an array with maximum length ${MAX_ITEMS_PER_REQUEST}, but got an array with length ${raw.length} instead.`;
  }
  const items: StoredItem[] = [];
  for (const [index, entry] of raw.entries()) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return `Invalid 'items[${index}]': expected an object.`;
    const item = { ...(entry as Record<string, unknown>) };
    const type = typeof item.type === 'string' ? item.type : 'role' in item ? 'message' : null;
    if (!type) return `Missing required parameter: 'items[${index}].type'.`;
    if (type === 'message' && item.content === undefined) return `Missing required parameter: 'items[${index}].content'.`;
    const id = typeof item.id === 'string' && ITEM_ID_PATTERN.test(item.id) ? item.id : newId(idPrefixFor(type));
    items.push(asStored({ ...item, id, type }));
  }
  return items;
}

function readMetadata(raw: unknown): Record<string, string> | string {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return "Invalid 'metadata': expected an object.";
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 16) return "Invalid 'metadata': at most 16 key-value pairs are allowed.";
  for (const [key, value] of entries) {
    if (key.length > 64) return `Invalid 'metadata': key '${key.slice(0, 20)}…' is longer than 64 characters.`;
    if (typeof value !== 'string' || value.length > 512) {
      return `Invalid 'metadata.${key}': expected a string of at most 512 characters.`;
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

type JsonBody = { ok: true; body: Record<string, unknown> } | { ok: false };

/** An empty body reads as `{}`; anything else must be a JSON object, as the real API requires. */
async function readJson(c: Context): Promise<JsonBody> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, body: {} };
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' && !Array.isArray(body) ? { ok: true, body: body as Record<string, unknown> } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function unparsableBody(c: Context) {
  return openAiError(
    c,
    400,
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)",
    null,
  );
}

function missing(c: Context, param: string) {
  return openAiError(c, 400, `Missing required parameter: '${param}'.`, 'missing_required_parameter', 'invalid_request_error', param);
}

export interface EmulatorOptions {
  /** When set, only this bearer key is accepted, like a real provider; otherwise any non-empty key is. */
  apiKey?: string;
}

/**
 * An in-memory emulator of the Conversations API, faithful to its paging (`after`, `limit`, `order`,
 * `first_id`/`last_id`/`has_more`) and its error shapes. It is reached over HTTP like any real upstream.
 */
export function createEmulatorApp(seed: readonly DemoConversation[], { apiKey }: EmulatorOptions = {}) {
  const threads = new Map<string, Thread>(
    seed.map((demo) => [demo.conversation.id, makeThread({ ...demo.conversation }, [...demo.items])]),
  );

  const app = new Hono().basePath('/v1');

  app.use('*', async (c, next) => {
    c.header('x-request-id', `req_${randomBytes(16).toString('hex')}`);
    // Any non-empty key the SDKs send is one, spaces included, as on a mock server.
    const presented = /^Bearer (.*)$/s.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (!presented) {
      return openAiError(
        c,
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'missing_api_key',
      );
    }
    if (apiKey !== undefined && presented !== apiKey) {
      return openAiError(c, 401, 'Incorrect API key provided.', 'invalid_api_key');
    }
    await next();
  });

  app.post('/conversations', async (c) => {
    const json = await readJson(c);
    if (!json.ok) return unparsableBody(c);
    const { body } = json;
    const items = acceptItems(body.items ?? []);
    if (typeof items === 'string') return openAiError(c, 400, items, 'invalid_value', 'invalid_request_error', 'items');
    const metadata = readMetadata(body.metadata);
    if (typeof metadata === 'string') return openAiError(c, 400, metadata, 'invalid_value', 'invalid_request_error', 'metadata');
    const conversation: ConversationObject = {
      id: newId('conv'),
      object: 'conversation',
      created_at: Math.floor(Date.now() / 1000),
      metadata,
    };
    threads.set(conversation.id, makeThread(conversation, items));
    return c.json(conversation);
  });

  app.use('/conversations/:conversationId/*', async (c, next) => {
    const id = c.req.param('conversationId');
    if (!CONVERSATION_ID_PATTERN.test(id) || !threads.has(id)) return notFound(c, 'Conversation', id);
    await next();
  });

  const thread = (c: Context) => threads.get(c.req.param('conversationId') ?? '') as Thread;

  app.get('/conversations/:conversationId', (c) => c.json(thread(c).conversation));

  app.post('/conversations/:conversationId', async (c) => {
    const json = await readJson(c);
    if (!json.ok) return unparsableBody(c);
    if (json.body.metadata === undefined) return missing(c, 'metadata');
    const metadata = readMetadata(json.body.metadata);
    if (typeof metadata === 'string') return openAiError(c, 400, metadata, 'invalid_value', 'invalid_request_error', 'metadata');
    const current = thread(c);
    current.conversation = { ...current.conversation, metadata };
    return c.json(current.conversation);
  });

  app.delete('/conversations/:conversationId', (c) => {
    const id = c.req.param('conversationId');
    threads.delete(id);
    return c.json({ id, object: 'conversation.deleted', deleted: true });
  });

  app.get('/conversations/:conversationId/items', (c) => {
    const limit = parseLimit(c.req.query('limit'));
    if (typeof limit === 'string') return openAiError(c, 400, limit, 'invalid_value', 'invalid_request_error', 'limit');
    const order = c.req.query('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') {
      return openAiError(
        c,
        400,
        `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`,
        'invalid_value',
        'invalid_request_error',
        'order',
      );
    }
    const { items, positions } = thread(c);
    const after = c.req.query('after');
    let start = 0;
    if (after !== undefined && after !== '') {
      const position = positions.get(after);
      if (position === undefined) {
        return openAiError(c, 404, `Item with id '${after}' not found.`, null, 'invalid_request_error', 'after');
      }
      start = (order === 'asc' ? position : items.length - 1 - position) + 1;
    }
    const end = Math.min(start + limit, items.length);
    const data =
      order === 'asc' ? items.slice(start, end) : items.slice(items.length - end, items.length - start).reverse();
    return c.json({
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: end < items.length,
    });
  });

  app.post('/conversations/:conversationId/items', async (c) => {
    const json = await readJson(c);
    if (!json.ok) return unparsableBody(c);
    if (json.body.items === undefined) return missing(c, 'items');
    const items = acceptItems(json.body.items);
    if (typeof items === 'string') return openAiError(c, 400, items, 'invalid_value', 'invalid_request_error', 'items');
    const current = thread(c);
    current.items.push(...items);
    reindex(current);
    return c.json({
      object: 'list',
      data: items,
      first_id: items[0]?.id ?? null,
      last_id: items.at(-1)?.id ?? null,
      has_more: false,
    });
  });

  app.get('/conversations/:conversationId/items/:itemId', (c) => {
    const itemId = c.req.param('itemId');
    const current = thread(c);
    const position = current.positions.get(itemId);
    return position === undefined ? notFound(c, 'Item', itemId) : c.json(current.items[position]);
  });

  app.delete('/conversations/:conversationId/items/:itemId', (c) => {
    const itemId = c.req.param('itemId');
    const current = thread(c);
    const position = current.positions.get(itemId);
    if (position === undefined) return notFound(c, 'Item', itemId);
    current.items.splice(position, 1);
    reindex(current);
    return c.json(current.conversation);
  });

  app.notFound((c) => openAiError(c, 404, `Invalid URL (${c.req.method} ${new URL(c.req.url).pathname})`, null));

  return app;
}
