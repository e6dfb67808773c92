import type { ServerResponse } from 'node:http';

/** Small enough that a stalled reader holds little in Node's buffers, big enough to keep writes cheap. */
const CHUNK_BYTES = 64 * 1024;

export interface HeldBodyOptions {
  /** Called once, when the last byte has been taken by the server or the client went away or stalled. */
  onDone: () => void;
  /** How long the client may take no more bytes before the answer is given up. */
  stallMs: number;
  /** Closes the connection of a stalled client; without it the stream errors instead. */
  onStall?: () => void;
}

/**
 * An answer handed to the server piece by piece, only as fast as the client reads it, so the bytes it holds
 * stay accounted for until they are written, and a client that stops reading is dropped after `stallMs`.
 */
export function heldBody(bytes: Uint8Array, { onDone, stallMs, onStall }: HeldBodyOptions): ReadableStream<Uint8Array> {
  let offset = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const finish = () => {
    clearTimeout(timer);
    if (done) return;
    done = true;
    onDone();
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        clearTimeout(timer);
        if (offset >= bytes.byteLength) {
          controller.close();
          finish();
          return;
        }
        controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
        offset += CHUNK_BYTES;
        timer = setTimeout(() => {
          finish();
          if (onStall) onStall();
          else controller.error(new Error(`The client took no data for ${stallMs} ms.`));
        }, stallMs);
        timer.unref?.();
      },
      cancel: finish,
    },
    { highWaterMark: 0 },
  );
}

/**
 * `heldBody`, for the Node server: an answer that fits in one write goes out as its text, which the server writes
 * with its head in one go, and its bytes stay held until the server has handed all of them on (or the connection
 * closed); a client that has not taken them within `stallMs` is dropped. Larger answers, and servers without a Node
 * response, get `heldBody`.
 */
export function heldBytes(outgoing: ServerResponse | undefined, text: string, bytes: number, options: HeldBodyOptions): string | ReadableStream<Uint8Array> {
  if (!outgoing || bytes > CHUNK_BYTES) return heldBody(Buffer.from(text), options);
  // A client that left while the upstream was read has closed already: nothing will be written, so nothing is held.
  if (outgoing.destroyed || outgoing.writableFinished) {
    options.onDone();
    return text;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.onDone();
  };
  const timer = setTimeout(() => {
    finish();
    outgoing.destroy();
  }, options.stallMs);
  timer.unref();
  outgoing.once('close', finish);
  return text;
}
