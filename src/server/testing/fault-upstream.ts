import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A misbehaving Conversations API for tests, on 127.0.0.1. The conversation ID picks the fault:
 * `conv_fault_<name>[_anything]`, e.g. `conv_fault_429_run1`. Any other ID gets a healthy answer.
 */
export const FAULTS = [
  '401',
  '403',
  '404',
  '429',
  '500',
  '502',
  '503',
  'timeout',
  'reset',
  'html',
  'truncated',
  'shape',
  'large',
  'chunked',
] as const;

export const LARGE_BYTES = 256 * 1024;
/** A growing conversation (`conv_fault_growing…`) changes this long after it is first asked for, and again after twice as long. */
export const GROW_STEP_MS = 4_000;
export const SLOW_MS = 600;
/**
 * How many items `conv_fault_slowpages…` has. Its later pages wait, so a load lasts several seconds even on a busy
 * machine: long enough for a reader (or a test's click, which waits for the page between its steps) to press Stop.
 */
export const SLOW_PAGES_ITEMS = 4_000;

const conversation = (id: string) => ({ id, object: 'conversation', created_at: 1_760_000_000, metadata: {} });
const messageItem = (index: number) => ({
  id: `msg_${String(index).padStart(4, '0')}`,
  type: 'message',
  role: index % 2 ? 'assistant' : 'user',
  status: 'completed',
  content: [{ type: 'input_text', text: `Message number ${index}` }],
});

type Item = Record<string, unknown> & { id: string };

/**
 * An agent run of `total` items (`conv_fault_toolrun…`): a question, a call and its output, an answer, over and over,
 * with a tool of a new name every `every` items, so the run summary's Tools line grows as the pages arrive.
 */
export function toolRunItems(total: number, every: number): Item[] {
  return Array.from({ length: total }, (_, index) => {
    const call = `call_${index - (index % 4) + 1}`;
    if (index % 4 === 1) return { id: `fc_${index}`, type: 'function_call', call_id: call, name: `lookup_tool_${Math.floor(index / every)}`, arguments: '{}', status: 'completed' };
    if (index % 4 === 2) return { id: `fco_${index}`, type: 'function_call_output', call_id: call, output: `Result ${index}` };
    return says(`msg_${index}`, index % 4 === 0 ? 'user' : 'assistant', `Message number ${index}`);
  });
}

/** How many items each run of `conv_fault_fork_<side>` has. */
export const FORK_ITEMS = 240;

/**
 * One of two runs forked from the same start (`conv_fault_fork_a`, `conv_fault_fork_b`, any other side alike): a
 * question and three answers, over and over, where only every fourth item's text names the side. Compared, they
 * are three identical items, then one that differs, to the end: a long list of folds.
 */
export function forkItems(side: string, total = FORK_ITEMS): Item[] {
  return Array.from({ length: total }, (_, index) =>
    index % 4 === 3 ? says(`msg_${index}`, 'assistant', `Answer ${index}, as run ${side} wrote it.`) : says(`msg_${index}`, index % 4 === 0 ? 'user' : 'assistant', `Message number ${index}`),
  );
}

/**
 * One of two runs (`conv_fault_longanswer_<side>`) whose first difference is an answer too long for a screen: three
 * items both runs share, then a long answer that names its side in every sentence, then a closing question.
 */
export function longAnswerItems(side: string): Item[] {
  const sentences = Array.from({ length: 40 }, (_, index) => `Step ${index + 1} of the plan, as run ${side} describes it, checks one more part of the change.`);
  return [
    says('msg_0', 'user', 'Message number 0'),
    says('msg_1', 'assistant', 'Message number 1'),
    says('msg_2', 'user', 'Message number 2'),
    says('msg_3', 'assistant', sentences.join(' ')),
    says('msg_4', 'user', 'Thanks, that is all.'),
  ];
}

/** How many items run B of `conv_fault_detour_<side>` has that run A lacks, in a row. */
export const DETOUR_ITEMS = 12;

/**
 * One of two runs (`conv_fault_detour_a`, `conv_fault_detour_b`) that share most items: run B takes a detour of
 * DETOUR_ITEMS items (questions, lookups with their results, answers) that run A does not, and run A has two items
 * of its own further on.
 */
export function detourItems(side: string): Item[] {
  const shared = (index: number) => says(`msg_${index}`, index % 2 ? 'assistant' : 'user', `Message number ${index}`);
  const detour = Array.from({ length: DETOUR_ITEMS / 4 }, (_, step): Item[] => [
    says(`msg_detour_${step}_q`, 'user', `Before going on, check part ${step + 1} of the configuration.`),
    { id: `fc_detour_${step}`, type: 'function_call', call_id: `call_detour_${step}`, name: 'read_config', arguments: JSON.stringify({ part: step + 1 }), status: 'completed' },
    { id: `fco_detour_${step}`, type: 'function_call_output', call_id: `call_detour_${step}`, output: `part ${step + 1}: enabled = ${step % 2 === 0}` },
    says(`msg_detour_${step}_a`, 'assistant', `Part ${step + 1} of the configuration is as expected.`),
  ]).flat();
  return [
    ...[0, 1, 2, 3].map(shared),
    ...(side === 'b' ? detour : []),
    ...[4, 5, 6, 7].map(shared),
    ...(side === 'a' ? [says('msg_extra_0', 'assistant', 'On second thought, one more note.'), says('msg_extra_1', 'user', 'Go on.')] : []),
    ...[8, 9, 10].map(shared),
  ];
}

/**
 * One of two runs (`conv_fault_retry_a`, `conv_fault_retry_b`) whose model gave three calls one call ID: the first two
 * each have an output (the second's says something else in run B), the third has none yet; and an output whose call
 * was deleted, so it answers nothing loaded.
 */
export function retryItems(side: string): Item[] {
  const lookup = (n: number): Item => ({ id: `fc_retry_${n}`, type: 'function_call', call_id: 'call_retry', name: 'lookup', arguments: JSON.stringify({ attempt: n }), status: 'completed' });
  const answer = (n: number, output: string): Item => ({ id: `fco_retry_${n}`, type: 'function_call_output', call_id: 'call_retry', output });
  return [
    says('msg_retry_q', 'user', 'Look it up, three times if you must.'),
    lookup(1),
    answer(1, 'first answer'),
    lookup(2),
    answer(2, side === 'b' ? 'another second answer' : 'second answer'),
    lookup(3),
    { id: 'fco_retry_deleted', type: 'function_call_output', call_id: 'call_deleted', output: 'answer to a deleted call' },
    says('msg_retry_a', 'assistant', 'Done looking.'),
  ];
}

const says = (id: string, role: string, text: string, status = 'completed'): Item => ({
  id,
  type: 'message',
  role,
  status,
  content: [{ type: role === 'assistant' ? 'output_text' : 'input_text', text, ...(role === 'assistant' ? { annotations: [] } : {}) }],
});

/**
 * A conversation an agent is still writing, `lead` older messages first. At first the answer is in progress;
 * after one step it is complete and a new question follows; after two steps two more items arrive and the
 * original question is deleted.
 */
export function growingItems(lead: number, elapsed: number, step = GROW_STEP_MS): Item[] {
  const phase = elapsed >= 2 * step ? 2 : elapsed >= step ? 1 : 0;
  const items: Item[] = Array.from({ length: lead }, (_, index) => messageItem(index));
  if (phase < 2) items.push(says('msg_question', 'user', 'Write a haiku about tides.'));
  items.push(phase === 0 ? says('msg_answer', 'assistant', 'Drafting the haiku', 'in_progress') : says('msg_answer', 'assistant', 'Tides breathe in and out, the moon keeps time on the sand.'));
  if (phase >= 1) items.push(says('msg_new_1', 'user', 'Another one about rain?'));
  if (phase === 2) items.push(says('msg_new_2', 'assistant', 'Rain taps on the roof.'), says('msg_new_3', 'user', 'Lovely, thank you.'));
  return items;
}

/** How many items arrive at once in `conv_fault_burst…`: more than a live check reads back from the newest end. */
export const BURST_ITEMS = 500;

/** A conversation of three messages that, one step after it is first asked for, gains BURST_ITEMS more at once. */
export function burstItems(elapsed: number, step = GROW_STEP_MS): Item[] {
  const items: Item[] = [says('msg_question', 'user', 'Run the whole batch.'), says('msg_answer', 'assistant', 'Starting the batch.'), messageItem(0)];
  if (elapsed >= step) for (let index = 1; index <= BURST_ITEMS; index += 1) items.push(messageItem(index));
  return items;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const openaiError = (message: string, type: string, code: string | null = null) => ({ error: { message, type, param: null, code } });

function healthy(res: ServerResponse, id: string, rest: string, url: URL, total: number) {
  if (rest === '') return send(res, 200, conversation(id));
  if (rest.startsWith('/items/')) return send(res, 200, messageItem(0));
  const after = url.searchParams.get('after');
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const desc = url.searchParams.get('order') === 'desc';
  // Positions counted from the end the order starts at.
  const start = after ? (desc ? total - Number(after.slice(4)) : Number(after.slice(4)) + 1) : 0;
  const data = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, offset) => messageItem(desc ? total - 1 - start - offset : start + offset));
  send(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + data.length < total }, { 'x-request-id': 'req_fault_ok' });
}

function serveItems(res: ServerResponse, id: string, rest: string, url: URL, items: Item[]) {
  if (rest === '') return send(res, 200, conversation(id));
  if (rest.startsWith('/items/')) {
    const item = items.find((candidate) => candidate.id === decodeURIComponent(rest.slice(7)));
    return item ? send(res, 200, item) : send(res, 404, openaiError(`Item not found.`, 'invalid_request_error'));
  }
  const ordered = url.searchParams.get('order') === 'desc' ? [...items].reverse() : items;
  const after = url.searchParams.get('after');
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const start = after ? ordered.findIndex((item) => item.id === after) + 1 : 0;
  // As the Conversations API answers a cursor that names no item of the conversation.
  if (after && start === 0) return send(res, 404, openaiError(`Item with id '${after}' not found.`, 'invalid_request_error'));
  const data = ordered.slice(start, start + limit);
  send(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + data.length < ordered.length });
}

/** How many items `conv_fault_toolrun…` has. */
export const TOOL_RUN_ITEMS = 10_000;
let toolRun: Item[] | undefined;

export async function startFaultUpstream(port = 0, { growStepMs = GROW_STEP_MS } = {}) {
  const sockets = new Set<Socket>();
  /** When each growing conversation was first asked for. */
  const born = new Map<string, number>();
  /** How many times each path has been asked for, for faults that pass after the first time. */
  const seen = new Map<string, number>();
  const requests: { method: string; url: string; authorization: string | undefined }[] = [];

  function handle(req: IncomingMessage, res: ServerResponse) {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v1\/conversations\/(conv_[A-Za-z0-9_-]+)(\/.*)?$/.exec(url.pathname);
    if (!match) return send(res, 404, openaiError(`Invalid URL (${req.method} ${url.pathname})`, 'invalid_request_error'));
    const [, id, rest = ''] = match;
    const fault = /^conv_fault_([a-z0-9]+)/.exec(id)?.[1] ?? 'ok';
    const count = (seen.get(req.url ?? '') ?? 0) + 1;
    seen.set(req.url ?? '', count);
    switch (fault) {
      case '401':
        return send(res, 401, openaiError(`Incorrect API key provided: ${req.headers.authorization?.slice(7)}.`, 'invalid_request_error', 'invalid_api_key'));
      case '403':
        return send(res, 403, openaiError('You are not allowed to access this conversation.', 'invalid_request_error', 'forbidden'));
      case '404':
        return send(res, 404, openaiError(`Conversation with id '${id}' not found.`, 'invalid_request_error'), { 'x-request-id': 'req_fault_404' });
      case '429':
        return send(res, 429, openaiError('Rate limit reached for requests.', 'requests', 'rate_limit_exceeded'), { 'retry-after': '120' });
      case '429once':
        return count === 1 ? send(res, 429, openaiError('Rate limit reached for requests.', 'requests'), { 'retry-after': '3' }) : healthy(res, id, rest, url, 3);
      case '500':
        return send(res, 500, openaiError('The server had an error while processing your request.', 'server_error'));
      case '502':
        return send(res, 502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>', { 'content-type': 'text/html' });
      case '503':
        return send(res, 503, openaiError('The engine is currently overloaded, please try again later.', 'server_error'));
      case 'timeout':
        return; // Never answers; the socket is destroyed when the server closes.
      case 'reset':
        return req.socket.resetAndDestroy();
      case 'html':
        return send(res, 200, '<!doctype html><html><body><form>Sign in to continue</form></body></html>', { 'content-type': 'text/html; charset=utf-8' });
      case 'truncated':
        return send(res, 200, '{"object":"list","data":[{"id":"msg_1","type":"message","content":"Hel');
      case 'shape':
        return rest === '' ? send(res, 200, { object: 'conversation' }) : send(res, 200, { object: 'list', data: 'not a list' });
      case 'large':
        return send(res, 200, { object: 'list', data: [{ ...messageItem(0), content: 'x'.repeat(LARGE_BYTES) }], has_more: false });
      case 'chunked': {
        // No content-length: the cap has to hold while the body streams in.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = `"${'y'.repeat(8 * 1024)}",`;
        res.write('{"object":"list","data":[');
        for (let index = 0; index < LARGE_BYTES / chunk.length; index += 1) res.write(chunk);
        return res.end('"end"]}');
      }
      case 'headers':
        return send(res, 200, rest === '' ? conversation(id) : { object: 'list', data: [messageItem(0)], has_more: false }, {
          'set-cookie': 'session=upstream-secret; HttpOnly',
          'x-powered-by': 'upstream',
          'access-control-allow-origin': '*',
          'x-request-id': 'req\r\nx-injected: 1'.replace(/\r\n/g, ' '),
        });
      case 'page2': {
        // The first request for a later page (from either end) fails, then every page works.
        const later = url.searchParams.has('after') ? (seen.get(`${id} later`) ?? 0) + 1 : 0;
        if (later) seen.set(`${id} later`, later);
        return later === 1
          ? send(res, 429, openaiError('Rate limit reached for requests.', 'requests'), { 'retry-after': '120' })
          : healthy(res, id, rest, url, 450);
      }
      case 'slowpages':
        // A long conversation whose later pages take a while: time to press Stop.
        return url.searchParams.has('after') ? void setTimeout(() => healthy(res, id, rest, url, SLOW_PAGES_ITEMS), 300) : healthy(res, id, rest, url, SLOW_PAGES_ITEMS);
      case 'toolrun':
        // A long agent run whose summary grows while it loads: tools of new names keep arriving.
        return serveItems(res, id, rest, url, (toolRun ??= toolRunItems(TOOL_RUN_ITEMS, 800)));
      case 'fork':
        return serveItems(res, id, rest, url, forkItems(/^conv_fault_fork_([A-Za-z0-9]+)/.exec(id)?.[1] ?? 'a'));
      case 'detour':
        return serveItems(res, id, rest, url, detourItems(/^conv_fault_detour_([A-Za-z0-9]+)/.exec(id)?.[1] ?? 'a'));
      case 'retry':
        return serveItems(res, id, rest, url, retryItems(/^conv_fault_retry_([A-Za-z0-9]+)/.exec(id)?.[1] ?? 'a'));
      case 'longanswer':
        return serveItems(res, id, rest, url, longAnswerItems(/^conv_fault_longanswer_([A-Za-z0-9]+)/.exec(id)?.[1] ?? 'a'));
      case 'growing':
      case 'growinglong': {
        if (!born.has(id)) born.set(id, Date.now());
        return serveItems(res, id, rest, url, growingItems(fault === 'growing' ? 0 : 60, Date.now() - (born.get(id) ?? 0), growStepMs));
      }
      case 'burst':
        if (!born.has(id)) born.set(id, Date.now());
        return serveItems(res, id, rest, url, burstItems(Date.now() - (born.get(id) ?? 0), growStepMs));
      case 'slow':
        return void setTimeout(() => healthy(res, id, rest, url, 3), SLOW_MS);
      case 'slowtail':
        // The newest end answers late: the oldest end's first page reaches the page well before it.
        return url.searchParams.get('order') === 'desc' && !url.searchParams.has('after')
          ? void setTimeout(() => healthy(res, id, rest, url, 120), 800)
          : healthy(res, id, rest, url, 120);
      case 'keyid': {
        // A gateway that puts the caller's key, encoded, where the request id goes: `conv_fault_keyid_<form>`.
        const key = req.headers.authorization?.slice(7) ?? '';
        const forms: Record<string, string> = {
          base64url: Buffer.from(key).toString('base64url'),
          basic: Buffer.from(`user:${key}`).toString('base64url'),
          hex: Buffer.from(key).toString('hex'),
        };
        const form = forms[/^conv_fault_keyid_([a-z0-9]+)/.exec(id)?.[1] ?? ''] ?? key;
        return send(res, 200, { object: 'list', data: [messageItem(0)], first_id: 'msg_0000', last_id: 'msg_0000', has_more: false }, { 'x-request-id': form });
      }
      case 'keypercent': {
        // The key quoted back with every character percent-escaped, as a URL-dumping gateway might.
        const key = req.headers.authorization?.slice(7) ?? '';
        const escaped = [...Buffer.from(key)].map((byte, index) => `%${byte.toString(16)[index % 2 ? 'toUpperCase' : 'toLowerCase']()}`).join('');
        return send(res, 401, openaiError(`Incorrect API key provided: ${escaped}.`, 'invalid_request_error', 'invalid_api_key'));
      }
      case 'dupends': {
        // 250 messages whose first and last share an ID, as an upstream that reuses IDs might send them.
        const items = Array.from({ length: 250 }, (_, index) => messageItem(index));
        items[249] = { ...items[249], id: items[0].id };
        return serveItems(res, id, rest, url, items);
      }
      case 'deep': {
        // A conversation object nested 5,000 levels deep in its metadata, written as text: too deep for JSON.stringify.
        const nested = `${'{"nested":'.repeat(5_000)}"bottom"${'}'.repeat(5_000)}`;
        const text = `${JSON.stringify(conversation(id)).slice(0, -'"metadata":{}}'.length)}"metadata":{"nested":${nested}}}`;
        return rest === '' ? send(res, 200, text) : healthy(res, id, rest, url, 3);
      }
      case 'nulid':
        // An item ID with a NUL character in it, which no text column can hold.
        return rest === '' ? send(res, 200, conversation(id)) : send(res, 200, { object: 'list', data: [{ ...messageItem(0), id: 'msg_\u0000x' }], has_more: false });
      case 'resetonce':
        // A kept-alive connection the upstream closed just as it was reused: the first try of each request is reset.
        return count === 1 ? req.socket.resetAndDestroy() : healthy(res, id, rest, url, 450);
      default:
        return healthy(res, id, rest, url, 3);
    }
  }

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
