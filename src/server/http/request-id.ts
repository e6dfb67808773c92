import { randomBytes } from 'node:crypto';
import type { Redactor } from '../upstream/redact.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
// The key shapes of the providers the viewer speaks to: OpenAI's sk-/sk-proj-/rk-, DashScope's sk-, session keys.
const LOOKS_LIKE_KEY = /(?:^|[^A-Za-z0-9])(?:sk|rk|pk|sess)[-_][A-Za-z0-9_-]{8,}/i;

/**
 * An upstream's request id as it may be passed on: plain and bounded, not shaped like a key (a misconfigured gateway
 * may echo an Authorization header there), and holding the source's key in none of the forms the body redactor finds
 * (as it is, percent-encoded, hex, base64 or base64url, alone or inside `user:key`).
 */
export function safeRequestId(value: string | null | undefined, apiKey: string, redactor: Pick<Redactor, 'test'>): string | null {
  const id = value?.trim();
  if (!id || !REQUEST_ID.test(id) || LOOKS_LIKE_KEY.test(id)) return null;
  if (apiKey.length >= 8 ? redactor.test(id) : id === apiKey) return null;
  return id;
}

// Sixteen random hex digits drawn at start tell this process's ids from another's (behind a load balancer, or after a
// restart); a count in the other sixteen tells them apart within it. An id names a request; it grants nothing.
const processPart = randomBytes(8).toString('hex');
let count = 0;

/** The viewer's own id for one API request, in its answer and its access log line, even when no upstream was asked. */
export function newViewerRequestId(): string {
  count += 1;
  return `vreq_${processPart}${count.toString(16).padStart(16, '0')}`;
}
