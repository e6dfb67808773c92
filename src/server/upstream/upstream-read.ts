import { deadline } from '../http/deadline.ts';
import type { Source } from '../sources/sources.ts';
import type { ByteLease, createByteBudget } from './byte-budget.ts';
import type { createGate } from './gate.ts';
import { getFromUpstream, type UpstreamFailure, type UpstreamOptions, type UpstreamResult } from './get-from-upstream.ts';
import { checkShape, type ShapeName } from './shape-check.ts';

/** How many upstream requests run at once, unless UPSTREAM_CONCURRENCY says otherwise; memory is bounded by bytes. */
export const DEFAULT_CONCURRENCY = 256;
/** The bytes that answers in flight may hold together, unless UPSTREAM_MAX_BYTES_IN_FLIGHT says otherwise. */
export const DEFAULT_MAX_BYTES_IN_FLIGHT = 256 * 1024 * 1024;

/** The limits every upstream read shares: one gate and one byte budget for the proxy, streams, exports and snapshots. */
export interface UpstreamReader extends UpstreamOptions {
  gate: ReturnType<typeof createGate>;
  budget: ReturnType<typeof createByteBudget>;
}

/** As a GET's result, the body checked against the spec's shape; its text is null where the check changed it. */
export type UpstreamRead = UpstreamResult;

export interface ReadCall {
  /** Ends a read nobody waits for any more (a reader who left mid-stream). */
  signal?: AbortSignal;
  /** The OpenAI organization and project a client asked for, in place of the source's own. */
  account?: { organization?: string; project?: string };
  /** A lease the caller keeps after the read (the proxy holds the bytes until they are written); else one held for the read. */
  lease?: ByteLease;
}

function busy(waiting: number): UpstreamFailure {
  const message = `The viewer is busy with other upstream requests (${waiting} waiting). Retry in a moment.`;
  return { ok: false, status: 503, error: { message, type: 'server_error', code: 'viewer_busy', param: null }, requestId: null, retryAfter: '1' };
}

/**
 * The one way the server reads from an upstream: in turn through the gate, its bytes held in the byte budget, with the
 * timeout and size cap, the key redacted, and the body checked against the shape the spec requires. Always resolves.
 */
export async function readUpstream(source: Source, path: string, shape: ShapeName, reader: UpstreamReader, call: ReadCall = {}): Promise<UpstreamRead> {
  // How long the read may wait for its turn and for room, set only once it has to wait (most reads never do).
  let waitLimit = null as ReturnType<typeof deadline> | null;
  const waitSignal = () => (waitLimit ??= deadline(reader.timeoutMs, call.signal)).signal;
  if (!reader.gate.tryEnter() && !(await reader.gate.enter(waitSignal()))) {
    waitLimit?.clear();
    return busy(reader.gate.waiting);
  }
  const lease = call.lease ?? reader.budget.lease();
  try {
    const reserve = (bytes: number) => lease.tryGrow(bytes) || lease.grow(bytes, waitSignal());
    const result = await getFromUpstream(source, path, reader, { signal: call.signal, account: call.account, reserve });
    if (!result.ok) return result;
    const checked = checkShape(shape, result.body);
    if (!checked.ok) {
      const error = { message: `${source.label} answered with an unexpected shape (${checked.problem}).`, type: 'upstream_error', code: 'upstream_malformed', param: null };
      return { ok: false, status: 502, error, requestId: result.requestId, retryAfter: null };
    }
    return { ok: true, body: checked.value, text: checked.value === result.body ? result.text : null, requestId: result.requestId };
  } finally {
    waitLimit?.clear();
    reader.gate.leave();
    if (!call.lease) lease.release();
  }
}
