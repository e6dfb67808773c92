export type CappedBody = { ok: true; text: string; bytes: number } | { ok: false; bytes: number };

/**
 * Reads a body as text, giving up as soon as it passes `maxBytes`, so a runaway upstream cannot
 * make the server buffer without bound. Network and timeout errors propagate to the caller.
 */
export async function readCapped(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, bytes: declared };
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
      return { ok: false, bytes };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)), bytes };
}
