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
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const value of response.body) {
    bytes += value.byteLength;
    if (bytes > maxBytes) return { ok: false, reason: 'too_large', bytes };
    const room = reserve(value.byteLength);
    if (!(room === true || (await room))) return { ok: false, reason: 'busy', bytes };
    chunks.push(value);
  }
  const whole = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  const text = Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength).toString('utf8');
  // As TextDecoder reads it: a byte order mark is not part of the text.
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes };
}
