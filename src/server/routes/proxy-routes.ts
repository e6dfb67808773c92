import type { ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CONVERSATION_ID_PATTERN, ITEM_ID_PATTERN } from '../../lib/ids.ts';
import type { ErrorCode } from '../../shared/contract/error-codes.ts';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { connectionCloser } from '../http/held-stream.ts';
import { heldBytes } from '../http/held-body.ts';
import { jsonError, openAiErrorBody } from '../http/json-error.ts';
import { upstreamErrorAnswer } from '../http/upstream-error-answer.ts';
import { KNOWN_SOURCES, type ExtraListParam, type Source } from '../sources/sources.ts';
import type { ShapeName } from '../upstream/shape-check.ts';
import { readUpstream, type UpstreamRead, type UpstreamReader } from '../upstream/upstream-read.ts';
import { createHeadCache, type AnswerHead } from './head-cache.ts';
import { streamConversation } from './stream-route.ts';

/** Expansions of items that OpenAI (and Azure) document; a source whose provider does not is refused them with a 400. */
const INCLUDE_VALUES = new Set([
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'message.input_image.image_url',
  'computer_call_output.output.image_url',
  'code_interpreter_call.outputs',
  'reasoning.encrypted_content',
  'message.output_text.logprobs',
]);

/**
 * A refused query: `invalid_value` for a value outside an enumerated parameter's list (`order`, `include`), as OpenAI
 * answers it, and `invalid_parameter` (the default) for a value of the wrong form (`limit`, `after`).
 */
type Query = { ok: true; search: string } | { ok: false; message: string; param: string; code?: ErrorCode };

const EXTRA_LIST_PARAMS: Record<ExtraListParam, { pattern: RegExp; what: string }> = {
  before: { pattern: ITEM_ID_PATTERN, what: 'an item ID' },
  item_type: { pattern: /^[a-z][a-z_]{0,63}$/, what: 'an item type' },
};

function listQuery(request: QueryReader, source: Source, params: URLSearchParams): Query | null {
  const limit = request.query('limit');
  if (limit !== undefined) {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) {
      return { ok: false, param: 'limit', message: `Invalid 'limit': expected an integer from 1 to 100, got '${limit.slice(0, 20)}'.` };
    }
    params.set('limit', String(Number(limit)));
  }
  const order = request.query('order');
  if (order !== undefined) {
    if (order !== 'asc' && order !== 'desc') {
      return { ok: false, param: 'order', code: 'invalid_value', message: `Invalid value: '${order.slice(0, 20)}'. Supported values are: 'asc' and 'desc'.` };
    }
    params.set('order', order);
  }
  const after = request.query('after');
  if (after !== undefined && after !== '') {
    if (!ITEM_ID_PATTERN.test(after)) {
      return { ok: false, param: 'after', message: `Invalid 'after': '${after.slice(0, 40)}' is not an item ID.` };
    }
    params.set('after', after);
  }
  // Parameters only some providers document go to those alone; elsewhere they are dropped like any unknown one.
  for (const name of source.extraListParams ?? []) {
    const value = request.query(name);
    if (value === undefined || value === '') continue;
    const { pattern, what } = EXTRA_LIST_PARAMS[name];
    if (!pattern.test(value)) return { ok: false, param: name, message: `Invalid '${name}': '${value.slice(0, 40)}' is not ${what}.` };
    params.set(name, value);
  }
  return null;
}

const acceptsInclude = (source: Source) => source.acceptsInclude ?? source.kind === 'openai';

/** Rebuilds the query from the parameters the upstream understands; anything else is dropped. */
function upstreamQuery(request: QueryReader, source: Source, target: PageTarget): Query {
  // The conversation's endpoint takes no query: `include` belongs to items, listed or one.
  if (target === 'conversation') return { ok: true, search: '' };
  const params = new URLSearchParams();
  if (target === 'items') {
    const failed = listQuery(request, source, params);
    if (failed) return failed;
  }
  // An unknown value is refused, as OpenAI refuses it, whichever provider the source is.
  const include = [...new Set([...request.queries('include'), ...request.queries('include[]')])];
  const unknown = include.find((value) => !INCLUDE_VALUES.has(value));
  if (unknown !== undefined) {
    const supported = [...INCLUDE_VALUES].map((value) => `'${value}'`).join(', ');
    return { ok: false, param: 'include', code: 'invalid_value', message: `Invalid value: '${unknown.slice(0, 60)}'. Supported values are: ${supported}.` };
  }
  if (include.length > 0 && !acceptsInclude(source)) {
    return {
      ok: false,
      param: 'include',
      code: 'unsupported_parameter',
      message: `${source.label} does not document 'include', so the viewer does not send it there: ask again without it.`,
    };
  }
  for (const value of include) params.append('include[]', value);
  const search = params.toString();
  return { ok: true, search: search ? `?${search}` : '' };
}

// OpenAI's account headers, as the SDKs send them (organization `org-…`, project `proj_…`).
const ACCOUNT_HEADERS = { organization: 'openai-organization', project: 'openai-project' } as const;
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,128}$/;

type Account = { ok: true; account?: { organization?: string; project?: string } } | { ok: false; header: string };

/** A client's own OpenAI-Organization / OpenAI-Project, for sources of the openai provider; elsewhere they mean nothing. */
function clientAccount(request: PageRequest, source: Source): Account {
  if (source.kind !== 'openai') return { ok: true };
  const account: { organization?: string; project?: string } = {};
  for (const [field, header] of Object.entries(ACCOUNT_HEADERS) as [keyof typeof ACCOUNT_HEADERS, string][]) {
    const value = request.header(header)?.trim();
    if (!value) continue;
    if (!ACCOUNT_ID.test(value)) return { ok: false, header };
    account[field] = value;
  }
  return account.organization || account.project ? { ok: true, account } : { ok: true };
}

interface Answer extends AnswerHead {
  /** The JSON text; a string, so that the server writes a small answer and its head in one go. */
  text: string;
  bytes: number;
}

function textAnswer(status: number, text: string, headers: Record<string, string>): Answer {
  const bytes = Buffer.byteLength(text);
  return { status, headers: { 'content-type': 'application/json', 'content-length': String(bytes), ...headers }, text, bytes };
}

const jsonAnswer = (status: number, value: unknown, headers: Record<string, string> = {}) => textAnswer(status, stringifyJson(value), headers);

/** What the client is sent: a body that passed the shape check unchanged goes out as the upstream's text, not serialised again. */
function toAnswer(result: UpstreamRead): Answer {
  if (!result.ok) {
    const { status, headers, body } = upstreamErrorAnswer(result);
    return jsonAnswer(status, body, headers);
  }
  // The header both official SDKs read into `requestID` / `request_id`.
  const headers: Record<string, string> = result.requestId ? { 'x-request-id': result.requestId } : {};
  return result.text === null ? jsonAnswer(200, result.body, headers) : textAnswer(200, result.text, headers);
}

/** What the page relay reads of a request's query string. */
interface QueryReader {
  /** The first value of a parameter. */
  query(name: string): string | undefined;
  queries(name: string): string[];
}

/** What a read of one page asks, whichever server received it: Hono's routes or the Node lane of the server stack. */
export interface PageRequest extends QueryReader {
  method: 'GET' | 'HEAD';
  /** The route's parameters, decoded; `itemId` only for one item. */
  source: string;
  conversationId: string;
  itemId?: string;
  /** The conversation, a page of its items, or one item. */
  target: PageTarget;
  header(name: string): string | undefined;
  /** The Node response, so that a small answer is written with its head in one go and held until written. */
  outgoing?: ServerResponse;
  /** Closes the connection of a client that stopped reading. */
  onStall?: () => void;
  /** Aborts when the client has gone before its answer: the upstream read is ended, and its turn in the gate freed. */
  signal?: AbortSignal;
}

export type PageTarget = 'conversation' | 'items' | 'item';

/** An answer of the page relay; its body is text, a stream held to the client's pace, or none (HEAD). */
export interface PageAnswer extends AnswerHead {
  body: string | ReadableStream<Uint8Array> | null;
}

const errorAnswer = (status: ContentfulStatusCode, message: string, code: ErrorCode, type = 'invalid_request_error', param: string | null = null): PageAnswer => {
  const { headers, text } = jsonAnswer(status, openAiErrorBody(message, code, type, param));
  return { status, headers, body: text };
};

/** The route of each target, as the upstream's path. */
const upstreamPath = (request: PageRequest) =>
  request.target === 'conversation'
    ? `/conversations/${request.conversationId}`
    : request.target === 'items'
      ? `/conversations/${request.conversationId}/items`
      : `/conversations/${request.conversationId}/items/${request.itemId}`;

const SHAPES: Record<PageTarget, ShapeName> = { conversation: 'conversation', items: 'itemList', item: 'item' };

/**
 * The per-page proxy: its Hono routes, and `answerPage`, the same relay for a server that does not go through Hono
 * (the server stack's Node lane). `reader` is shared with the server's other upstream reads, so all count against
 * the same limits.
 */
export function createProxy(sources: readonly Source[], reader: UpstreamReader) {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const heads = createHeadCache();
  const proxy = new Hono();

  /** The configured source of a request, with its conversation (and item) ID checked, or the error to answer. */
  function resolveTarget(sourceId: string, conversationId: string, itemId: string | undefined): { ok: true; source: Source } | { ok: false; answer: PageAnswer } {
    const source = byId.get(sourceId);
    if (!source) {
      const known = KNOWN_SOURCES.get(sourceId);
      return {
        ok: false,
        answer: known
          ? errorAnswer(400, `The source '${sourceId}' (${known.label}) is not configured on this server. ${known.howToEnable}`, 'source_not_configured', 'invalid_request_error', 'source')
          : errorAnswer(404, `There is no source '${sourceId.slice(0, 40)}'. Configured: ${[...byId.keys()].join(', ') || 'none'}.`, 'unknown_source', 'invalid_request_error', 'source'),
      };
    }
    if (!CONVERSATION_ID_PATTERN.test(conversationId)) {
      return {
        ok: false,
        answer: errorAnswer(400, `'${conversationId.slice(0, 60)}' is not a conversation ID: IDs look like conv_ followed by letters, digits, '_' or '-'.`, 'invalid_conversation_id', 'invalid_request_error', 'conversation_id'),
      };
    }
    if (itemId !== undefined && !ITEM_ID_PATTERN.test(itemId)) {
      return { ok: false, answer: errorAnswer(400, `'${itemId.slice(0, 60)}' is not an item ID.`, 'invalid_item_id', 'invalid_request_error', 'item_id') };
    }
    return { ok: true, source };
  }

  /** One page, item or conversation, read through the shared upstream read and answered as the upstream's own text. */
  async function answerPage(request: PageRequest): Promise<PageAnswer> {
    const target = resolveTarget(request.source, request.conversationId, request.itemId);
    if (!target.ok) return target.answer;
    const { source } = target;
    const query = upstreamQuery(request, source, request.target);
    if (!query.ok) {
      return errorAnswer(400, query.message, query.code ?? 'invalid_parameter', 'invalid_request_error', query.param);
    }
    const account = clientAccount(request, source);
    if (!account.ok) {
      return errorAnswer(400, `The ${account.header} header is not an OpenAI ID: letters, digits, '_' and '-' only.`, 'invalid_header');
    }

    // HEAD is answered as GET would be; the body is never read, so none is fetched when a recent answer says it all.
    const isHead = request.method === 'HEAD';
    const path = `${upstreamPath(request)}${query.search}`;
    const key = `${source.id} ${account.account?.organization ?? ''} ${account.account?.project ?? ''} ${path}`;
    const known = isHead ? heads.get(key) : null;
    if (known) return { status: known.status, headers: known.headers, body: null };

    const lease = reader.budget.lease();
    let answer: Answer;
    try {
      answer = toAnswer(await readUpstream(source, path, SHAPES[request.target], reader, { lease, account: account.account, signal: request.signal }));
    } catch (error) {
      lease.release();
      throw error;
    }
    // Only answers that would come back the same are kept for HEAD; a 429 or a 5xx may be gone in a moment.
    if (answer.status < 500 && answer.status !== 429) heads.set(key, { status: answer.status, headers: answer.headers });
    if (isHead) {
      lease.release();
      return { status: answer.status, headers: answer.headers, body: null };
    }
    lease.resize(answer.bytes);
    const body = heldBytes(request.outgoing, answer.text, answer.bytes, { onDone: lease.release, stallMs: reader.timeoutMs, onStall: request.onStall });
    return { status: answer.status, headers: answer.headers, body };
  }

  /** A Hono request as the relay reads it. */
  const fromContext = (c: Context, target: PageTarget): PageRequest => ({
    method: c.req.method === 'HEAD' ? 'HEAD' : 'GET',
    source: c.req.param('source') ?? '',
    conversationId: c.req.param('conversationId') ?? '',
    itemId: target === 'item' ? (c.req.param('itemId') ?? '') : undefined,
    target,
    query: (name) => c.req.query(name),
    queries: (name) => c.req.queries(name) ?? [],
    header: (name) => c.req.header(name),
    outgoing: (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing,
    onStall: connectionCloser(c),
    signal: c.req.raw.signal,
  });
  const relay = async (c: Context, target: PageTarget) => {
    const answer = await answerPage(fromContext(c, target));
    return new Response(answer.body, answer);
  };

  const conversation = '/:source/conversations/:conversationId';
  proxy.get(conversation, (c) => relay(c, 'conversation'));
  proxy.get(`${conversation}/items`, (c) => relay(c, 'items'));
  proxy.get(`${conversation}/items/:itemId`, (c) => relay(c, 'item'));
  proxy.get(`${conversation}/stream`, (c) => {
    // A HEAD would start paging the whole conversation for nothing.
    if (c.req.method === 'HEAD') {
      c.header('allow', 'GET');
      return jsonError(c, 405, 'HEAD is not allowed on the item stream: GET it, or HEAD a page of items.', 'method_not_allowed');
    }
    const conversationId = c.req.param('conversationId');
    const target = resolveTarget(c.req.param('source'), conversationId, undefined);
    return target.ok ? streamConversation(c, target.source, conversationId, reader) : new Response(target.answer.body, target.answer);
  });
  // Writes are refused as writes, creating a conversation included, so the SDKs never take one for a missing resource.
  // The stream takes no HEAD (above), so its Allow does not name it.
  const allowed: [string, string][] = [
    ...['/:source/conversations', conversation, `${conversation}/items`, `${conversation}/items/:itemId`].map((path): [string, string] => [path, 'GET, HEAD']),
    [`${conversation}/stream`, 'GET'],
  ];
  for (const [path, allow] of allowed) {
    proxy.all(path, (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
      c.header('allow', allow);
      return jsonError(c, 405, `${c.req.method} is not allowed: the viewer is read-only.`, 'method_not_allowed');
    });
  }
  return { routes: proxy, answerPage };
}
