// The loopback upstream of `npm run bench:scale`: a generated agent run behind the Conversations API's own paging
// (`order`, `after`, `limit`, `first_id`, `last_id`, `has_more`), with an adjustable delay before every answer.
// It runs in a worker thread, so serving pages never competes with the browser driver on one event loop.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { generateAgentRun } from './scale-data.mjs';

const { count, conversationId } = workerData;
const { items, needle } = generateAgentRun(count);
// Serialised once, so a page costs a string join and the figures measure the clients, not this server.
const json = items.map((item) => JSON.stringify(item));
const positions = new Map(items.map((item, index) => [item.id, index]));
let latencyMs = 0;
let requests = 0;

function error(response, status, message, param) {
  response.statusCode = status;
  response.end(JSON.stringify({ error: { message, type: 'invalid_request_error', code: null, param } }));
}

function listItems(url, response) {
  const rawLimit = url.searchParams.get('limit') ?? '20';
  const limit = Number(rawLimit);
  if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > 100) return error(response, 400, `Invalid 'limit': '${rawLimit}'.`, 'limit');
  const order = url.searchParams.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') return error(response, 400, `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`, 'order');
  const after = url.searchParams.get('after');
  let start = 0;
  if (after) {
    const position = positions.get(after);
    if (position === undefined) return error(response, 404, `Item with id '${after}' not found.`, 'after');
    start = (order === 'asc' ? position : items.length - 1 - position) + 1;
  }
  const end = Math.min(start + limit, items.length);
  const indexes = [];
  for (let rank = start; rank < end; rank += 1) indexes.push(order === 'asc' ? rank : items.length - 1 - rank);
  const first = indexes.length ? JSON.stringify(items[indexes[0]].id) : 'null';
  const last = indexes.length ? JSON.stringify(items[indexes.at(-1)].id) : 'null';
  response.end(`{"object":"list","data":[${indexes.map((index) => json[index]).join(',')}],"first_id":${first},"last_id":${last},"has_more":${end < items.length}}`);
}

const server = createServer((request, response) => {
  requests += 1;
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const answer = () => {
    response.setHeader('content-type', 'application/json');
    if (url.pathname === `/v1/conversations/${conversationId}`) {
      response.end(JSON.stringify({ id: conversationId, object: 'conversation', created_at: 1764000000, metadata: { bench: 'scale' } }));
    } else if (url.pathname === `/v1/conversations/${conversationId}/items`) {
      listItems(url, response);
    } else {
      error(response, 404, 'Not found.', null);
    }
  };
  if (latencyMs > 0) setTimeout(answer, latencyMs);
  else answer();
});

server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({
    type: 'ready',
    port: server.address().port,
    firstId: items[0].id,
    lastId: items.at(-1).id,
    needle,
    kinds: items.reduce((counts, item) => ({ ...counts, [item.type]: (counts[item.type] ?? 0) + 1 }), {}),
    bytes: json.reduce((sum, text) => sum + text.length, 0),
  });
});

parentPort.on('message', (message) => {
  if (message.type === 'latency') {
    latencyMs = message.ms;
    parentPort.postMessage({ type: 'latency', ms: latencyMs });
  } else if (message.type === 'requests') {
    parentPort.postMessage({ type: 'requests', requests });
  } else if (message.type === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
