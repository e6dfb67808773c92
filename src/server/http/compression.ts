import { once } from 'node:events';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';

export type ChunkEncoding = 'br' | 'gzip';

/** The fastest levels, where most of the saving is: brotli's window kept at 256 kB to hold each answer's memory down. */
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: 18 } };
const GZIP_OPTIONS = { level: 1 };

/** An address of this machine's own loopback (127.0.0.0/8, ::1, or the former as IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined | null): boolean {
  if (!address) return false;
  return address === '::1' || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

/**
 * When the API's answers are compressed (VIEWER_COMPRESSION): `auto` for a client that is not on this machine's
 * loopback, `always` for every client (behind a reverse proxy on the same machine that does not compress), `off` never.
 */
export type CompressionMode = 'auto' | 'always' | 'off';

/**
 * How to send an answer to this request: `chunkEncoding` of its Accept-Encoding, except that in `auto` a client on
 * this machine's loopback (the viewer's own tests and benchmarks, a reverse proxy beside it) gets it as it is: there
 * moving bytes costs nothing and compressing them only costs time (measured on a 2-core machine, the page showed a
 * 50,000-item run's first rows about 0.2 s later with the stream compressed). A request without a known address
 * counts as remote.
 */
export function chunkEncodingFor(acceptEncoding: string | undefined | null, remoteAddress: string | undefined | null, mode: CompressionMode = 'auto'): ChunkEncoding | null {
  if (mode === 'off' || (mode === 'auto' && isLoopback(remoteAddress))) return null;
  return chunkEncoding(acceptEncoding);
}

/**
 * How to send a streamed answer, from the request's Accept-Encoding: brotli, else gzip, else as it is. An encoding
 * refused with `q=0` is not used; `*` stands for any encoding not named.
 */
export function chunkEncoding(acceptEncoding: string | undefined | null): ChunkEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/**
 * A chunk producer (as `heldStream` takes one) whose chunks come out compressed, one continuous stream of brotli or
 * gzip flushed at the end of each chunk, so the client decodes every chunk as soon as it has it. At the fastest
 * levels: 19.5 MB of a run's items come to about 4 MB for about 60 ms of the server's time (brotli), on libuv's
 * threads, not the event loop. `close` frees the compressor of an answer that ends early.
 */
export function compressedChunks(next: () => Promise<Uint8Array | null>, encoding: ChunkEncoding) {
  const zip = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip(GZIP_OPTIONS);
  const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  let out: Buffer[] = [];
  zip.on('data', (data: Buffer) => out.push(data));
  const taken = () => {
    const all = out.length === 1 ? out[0] : Buffer.concat(out);
    out = [];
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  };
  let ended = false;
  // One listener for the compressor's life: an error between chunks is kept for the next one, never thrown unheard.
  let failure: Error | null = null;
  let fail: ((error: Error) => void) | null = null;
  zip.on('error', (error: Error) => {
    failure = error;
    fail?.(error);
  });
  return {
    async next(): Promise<Uint8Array | null> {
      if (ended) return null;
      let chunk = await next();
      // An empty chunk adds nothing, and brotli would flush it as nothing at all.
      while (chunk !== null && chunk.byteLength === 0) chunk = await next();
      if (chunk === null) {
        ended = true;
        const end = once(zip, 'end');
        zip.end();
        await end;
        const rest = taken();
        return rest.byteLength > 0 ? rest : null;
      }
      if (failure) throw failure;
      // The flush's callback runs once its output has been handed to 'data'.
      await new Promise<void>((resolve, reject) => {
        fail = reject;
        zip.write(chunk);
        zip.flush(flushKind, () => {
          fail = null;
          resolve();
        });
      });
      return taken();
    },
    close: () => zip.destroy(),
  };
}

/** Answers worth compressing: JSON, the item stream's NDJSON, and the text formats of exports. */
const COMPRESSIBLE_TYPE = /^(?:application\/(?:json|x-ndjson)|text\/)/i;
/** A known body smaller than this goes as it is: compressing it saves next to nothing. */
const MIN_BYTES = 1024;

export const isCompressibleType = (contentType: string | undefined | null) => COMPRESSIBLE_TYPE.test(contentType ?? '');

/** Whether a body of this length (NaN: not known, as a stream's) is worth compressing. */
export const worthCompressing = (length: number) => !(length < MIN_BYTES);

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A whole body compressed at once, at the same levels as a stream's chunks, on libuv's threads. */
export function compressedBytes(text: string, encoding: ChunkEncoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(text, BROTLI_OPTIONS) : gzipAsync(text, GZIP_OPTIONS);
}

/** A body compressed as it is read: each chunk of `body` comes out whole, as `compressedChunks` makes them. */
export function compressedBody(body: ReadableStream<Uint8Array>, encoding: ChunkEncoding): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const chunks = compressedChunks(async () => {
    const { value, done } = await reader.read();
    return done ? null : value;
  }, encoding);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          // A pull that enqueues nothing is not called again: it ends with a chunk or the end.
          for (;;) {
            const chunk = await chunks.next();
            if (chunk === null) controller.close();
            else if (chunk.byteLength === 0) continue;
            else controller.enqueue(chunk);
            return;
          }
        } catch (error) {
          chunks.close();
          controller.error(error);
        }
      },
      async cancel(reason) {
        chunks.close();
        await reader.cancel(reason);
      },
    },
    // Read from `body` only as the client reads: a stream that holds its producer to the client's pace keeps doing so.
    { highWaterMark: 0 },
  );
}

/**
 * The first of `body`'s chunks when they come to less than `limit` bytes in all (then `ended`), or enough of them to
 * reach it; `rest` is the body from there on, those chunks first.
 */
async function peek(body: ReadableStream<Uint8Array>, limit: number): Promise<{ ended: boolean; bytes: number; rest: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let bytes = 0;
  let ended = false;
  while (bytes < limit) {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    head.push(value);
    bytes += value.byteLength;
  }
  const rest = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = head.shift();
        if (chunk) return controller.enqueue(chunk);
        const { value, done } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return { ended, bytes, rest };
}

/**
 * `response` as sent to a client with this Accept-Encoding at this address: compressed as it is read when it is JSON,
 * NDJSON or text of 1 KB or more (or of unknown length, as a stream is) and `chunkEncodingFor` picks an encoding;
 * otherwise as it is. JSON of unknown length (Hono's `c.json` gives none) is read up to its first kilobyte to tell.
 * `Vary: Accept-Encoding` goes on every answer that could be compressed. `isHead`: the answer is a HEAD's.
 */
export async function compressedResponse(
  response: Response,
  acceptEncoding: string | undefined | null,
  remoteAddress: string | undefined | null,
  mode: CompressionMode = 'auto',
  isHead = false,
): Promise<Response> {
  const contentType = response.headers.get('content-type');
  if (response.headers.has('content-encoding') || !isCompressibleType(contentType)) return response;
  const headers = new Headers(response.headers);
  headers.append('vary', 'accept-encoding');
  const init = { status: response.status, statusText: response.statusText, headers };
  let encoding = chunkEncodingFor(acceptEncoding, remoteAddress, mode);
  let length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!response.body) {
    // A HEAD answered without making its body (an export's) says the encoding the GET comes in, and no length.
    if (isHead && response.ok && encoding && worthCompressing(length)) {
      headers.delete('content-length');
      headers.set('content-encoding', encoding);
    }
    return new Response(null, init);
  }
  let body: ReadableStream<Uint8Array> = response.body;
  if (encoding && Number.isNaN(length) && /^application\/json/i.test(contentType ?? '')) {
    const peeked = await peek(body, MIN_BYTES);
    body = peeked.rest;
    if (peeked.ended) length = peeked.bytes;
  }
  if (!worthCompressing(length)) encoding = null;
  if (encoding) {
    headers.delete('content-length');
    headers.set('content-encoding', encoding);
  }
  return new Response(encoding ? compressedBody(body, encoding) : body, init);
}
