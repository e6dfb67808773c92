export type CappedBody = { ok: true; text: string; bytes: number } | { ok: false; reason: 'too_large' | 'busy'; bytes: number };

/** Asks for room for `bytes` more before they are kept; false means there is none in time. */
export type Reserve = (bytes: number) => boolean | Promise<boolean>;

/**
 * Reads a body as text, giving up as soon as it passes `maxBytes`, so a runaway upstream cannot
 * make the server buffer without bound. Each chunk is reserved before it is kept. Network and timeout
 * errors propagate to the caller.
 */
export async function readCapped(response: Response, maxBytes: number, reserve: Reserve = () => true): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, reason: 'too_large', bytes: declared };
  }
  if (!response.body) return { ok: true, text: '', bytes: 0 };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: 'too_large', bytes };
    }
    if (!(await reserve(value.byteLength))) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: 'busy', bytes };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)), bytes };
}
