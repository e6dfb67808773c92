import type { Readable } from 'node:stream';
import type { UpstreamAnswer } from './node-fetch.ts';

export type CappedBody = { ok: true; text: string; bytes: number } | { ok: false; reason: 'too_large' | 'busy'; bytes: number };

/** Asks for room for `bytes` more before they are kept; false means there is none in time. */
export type Reserve = (bytes: number) => boolean | Promise<boolean>;

/**
 * Reads a body as text, giving up as soon as it passes `maxBytes`, so a runaway upstream cannot
 * make the server buffer without bound. Each chunk is reserved before it is kept. Network and timeout
 * errors propagate to the caller.
 */
export async function readCapped(response: UpstreamAnswer, maxBytes: number, reserve: Reserve = () => true): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  const stop = () => {
    // Leaving the loop closes the connection; a body not read at all is closed here.
    const body = response.body as { destroy?: () => void; cancel?: () => Promise<void> } | null;
    if (body?.destroy) body.destroy();
    else void body?.cancel?.().catch(() => {});
  };
  if (Number.isFinite(declared) && declared > maxBytes) {
    stop();
    return { ok: false, reason: 'too_large', bytes: declared };
  }
  if (!response.body) return { ok: true, text: '', bytes: 0 };
  if (isNodeStream(response.body)) return readNodeStream(response.body, maxBytes, reserve);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const value of response.body) {
    bytes += value.byteLength;
    if (bytes > maxBytes) return { ok: false, reason: 'too_large', bytes };
    const room = reserve(value.byteLength);
    if (!(room === true || (await room))) return { ok: false, reason: 'busy', bytes };
    chunks.push(value);
  }
  return decoded(chunks, bytes);
}

const isNodeStream = (body: AsyncIterable<Uint8Array>): body is Readable & AsyncIterable<Uint8Array> =>
  typeof (body as Partial<Readable>).on === 'function' && typeof (body as Partial<Readable>).pause === 'function';

/**
 * `readCapped` on a Node stream (the upstream's answer from node:http), by its events: the same limits and errors as
 * the loop above, without an async iterator and a promise for every chunk. Stopping early destroys the stream, which
 * closes the connection; a stream that closes before its end is an error, as the loop would throw.
 */
function readNodeStream(body: Readable, maxBytes: number, reserve: Reserve): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (result: CappedBody | Error) => {
      if (settled) return;
      settled = true;
      body.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (result instanceof Error) return reject(result);
      if (!result.ok) body.destroy();
      resolve(result);
    };
    const keep = (chunk: Uint8Array) => chunks.push(chunk);
    function onData(chunk: Uint8Array) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) return settle({ ok: false, reason: 'too_large', bytes });
      const room = reserve(chunk.byteLength);
      if (room === true) return void keep(chunk);
      // Waiting for room: no more chunks until there is some, or the answer is given up.
      body.pause();
      void Promise.resolve(room).then(
        (granted) => {
          if (settled) return;
          if (!granted) return settle({ ok: false, reason: 'busy', bytes });
          keep(chunk);
          body.resume();
        },
        (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))),
      );
    }
    const onEnd = () => settle(decoded(chunks, bytes));
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    body.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

function decoded(chunks: Uint8Array[], bytes: number): CappedBody {
  const whole = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  const text = Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength).toString('utf8');
  // As TextDecoder reads it: a byte order mark is not part of the text.
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes };
}
