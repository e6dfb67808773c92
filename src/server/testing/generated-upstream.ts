import { listen } from '../http/listen.ts';

/** Text that only excluded items carry, so a test can search every answer for it. */
export const SECRET = {
  system: 'SECRET-SYSTEM-PROMPT',
  reasoning: 'SECRET-REASONING',
  chosen: 'SECRET-CHOSEN-ITEM',
};

/** A conversation of `count` items: a system prompt, then turns with tool calls, reasoning and answers. */
export function generateItems(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `item_${String(index).padStart(6, '0')}`;
    if (index === 0) return { id, type: 'message', role: 'system', status: 'completed', content: [{ type: 'input_text', text: SECRET.system }] };
    if (index === 5) return { id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: SECRET.chosen }] };
    switch (index % 5) {
      case 1:
        return { id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: `Question ${index}` }] };
      case 2:
        return { id, type: 'reasoning', summary: [{ type: 'summary_text', text: `${SECRET.reasoning} ${index}` }] };
      case 3:
        return { id, type: 'function_call', call_id: `call_${index}`, name: 'lookup', arguments: JSON.stringify({ n: index }), status: 'completed' };
      case 4:
        return { id, type: 'function_call_output', call_id: `call_${index - 1}`, output: JSON.stringify({ ok: true, n: index }) };
      default:
        return { id, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: `Answer ${index}`, annotations: [] }] };
    }
  });
}

/**
 * A loopback Conversations API serving one generated conversation, `conv_generated`, with `limit`, `order` and
 * `after` as the real API pages them. Any other conversation is 404. It counts the requests it answered, and breaks
 * the connection on those numbered in `dropRequests`. `onRequest` sees each request's URL before it is answered.
 */
export async function startGeneratedUpstream(count: number, apiKey = 'sk-generated-test-key', options: { dropRequests?: readonly number[]; onRequest?: (url: URL) => void } = {}) {
  const items = generateItems(count);
  const positions = new Map(items.map((item, index) => [item.id as string, index]));
  const reversed = [...items].reverse();
  const conversationId = 'conv_generated';
  let requests = 0;
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fetch = (request: Request) => {
    requests += 1;
    // A dropped request: the answer starts, then the connection breaks, as a proxy in between might do it.
    if (options.dropRequests?.includes(requests)) {
      return new Response(new ReadableStream({ start: (controller) => controller.error(new Error('dropped')) }), { headers: { 'content-type': 'application/json' } });
    }
    const url = new URL(request.url);
    options.onRequest?.(url);
    if (request.headers.get('authorization') !== `Bearer ${apiKey}`) return json({ error: { message: 'bad key', type: 'invalid_request_error', code: 'invalid_api_key' } }, 401);
    const match = /^\/v1\/conversations\/([^/]+)(\/items)?$/.exec(url.pathname);
    if (!match || match[1] !== conversationId) return json({ error: { message: 'Conversation not found', type: 'invalid_request_error', code: 'not_found' } }, 404);
    if (!match[2]) return json({ id: conversationId, object: 'conversation', created_at: 1_760_000_000, metadata: { topic: 'generated' } });
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const asc = url.searchParams.get('order') === 'asc';
    const ordered = asc ? items : reversed;
    const after = positions.get(url.searchParams.get('after') ?? '');
    const afterIndex = after === undefined ? -1 : asc ? after : items.length - 1 - after;
    const page = ordered.slice(afterIndex + 1, afterIndex + 1 + limit);
    return json({ object: 'list', data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: afterIndex + 1 + limit < ordered.length });
  };
  const listening = await listen(fetch, '127.0.0.1', 0);
  return {
    items,
    conversationId,
    apiKey,
    baseUrl: `${listening.url}/v1`,
    get requests() {
      return requests;
    },
    close: listening.close,
  };
}
