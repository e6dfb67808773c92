import type { Context } from 'hono';
import type { ByteLease } from '../upstream/byte-budget.ts';

/** A stalled reader still holds little in Node's buffers, and a chunk of several pages goes out in one write. */
const SLICE_BYTES = 256 * 1024;

export interface HeldStreamOptions {
  /** Holds the bytes of the chunk being handed out; `next` sizes it, and it is emptied before each new chunk. */
  lease: ByteLease;
  /** How long the client may take no more bytes before the answer is given up. */
  stallMs: number;
  /** Closes the connection of a stalled client; without it the stream errors instead. */
  onStall?: () => void;
  /** Stops whatever produces the chunks, once, when the answer ends early: the client left or stalled. */
  onCancel?: () => unknown;
}

/**
 * An answer produced chunk by chunk (`next` resolves null at the end), handed to the server only as fast as the
 * client reads it. A chunk's bytes stay in the lease until the client has taken all of it, and a client that takes
 * nothing for `stallMs` is dropped, its bytes released and the producer stopped. Time spent in `next` is the
 * server's, not the client's: it never counts as a stall.
 */
export function heldStream(next: () => Promise<Uint8Array | null>, { lease, stallMs, onStall, onCancel }: HeldStreamOptions): ReadableStream<Uint8Array> {
  let chunk: Uint8Array | null = null;
  let offset = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const finish = (early: boolean) => {
    clearTimeout(timer);
    if (done) return;
    done = true;
    lease.release();
    if (early) void Promise.resolve(onCancel?.()).catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(timer);
        if (!chunk || offset >= chunk.byteLength) {
          // The client has taken the whole chunk: its bytes are written, and the next one is sized by `next`.
          lease.resize(0);
          try {
            chunk = await next();
          } catch (error) {
            finish(true);
            controller.error(error);
            return;
          }
          offset = 0;
          // Cancelled while the chunk was being made: the stream is closed already.
          if (done) return;
          if (!chunk) {
            controller.close();
            finish(false);
            return;
          }
        }
        controller.enqueue(chunk.subarray(offset, offset + SLICE_BYTES));
        offset += SLICE_BYTES;
        timer = setTimeout(() => {
          finish(true);
          if (onStall) onStall();
          else controller.error(new Error(`The client took no data for ${stallMs} ms.`));
        }, stallMs);
        timer.unref?.();
      },
      cancel: () => finish(true),
    },
    { highWaterMark: 0 },
  );
}

/** Closes the client's connection, where the Node server gives access to it. */
export function connectionCloser(c: Context): (() => void) | undefined {
  const outgoing = (c.env as { outgoing?: { destroy: () => void } } | undefined)?.outgoing;
  return outgoing ? () => outgoing.destroy() : undefined;
}
