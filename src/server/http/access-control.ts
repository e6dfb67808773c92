import { createHash, timingSafeEqual } from 'node:crypto';
import { newViewerRequestId } from './request-id.ts';
import type { Env } from '../sources/sources.ts';

export interface AccessControl {
  /** Null when any user name is accepted. */
  usernameHash: Buffer | null;
  passwordHash: Buffer | null;
  /** Bearer secrets for scripts: VIEWER_TOKEN and the password. */
  tokenHashes: Buffer[];
}

const hash = (value: string) => createHash('sha256').update(value, 'utf8').digest();

// Hashing first gives equal lengths, so the comparison time says nothing about the secret.
const matches = (candidate: string, expected: Buffer) => timingSafeEqual(hash(candidate), expected);

/** Access control is on when VIEWER_PASSWORD or VIEWER_TOKEN is set; null means open. */
export function accessFromEnv(env: Env): AccessControl | null {
  const password = env.VIEWER_PASSWORD || null;
  const token = env.VIEWER_TOKEN || null;
  if (!password && !token) return null;
  const username = env.VIEWER_USERNAME?.trim() || null;
  return {
    usernameHash: username ? hash(username) : null,
    passwordHash: password ? hash(password) : null,
    tokenHashes: [token, password].filter((secret): secret is string => !!secret).map(hash),
  };
}

function decodeBasic(encoded: string): { username: string; password: string } | null {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** No credential the viewer accepts comes near this; anything longer is refused before it is looked at. */
export const MAX_AUTHORIZATION_LENGTH = 8192;

const isSpace = (code: number) => code === 32 || code === 9;

/** Splits `Scheme credentials` by hand: a regex with lazy repetition backtracks badly on long runs of spaces. */
export function parseAuthorization(header: string | null | undefined): { scheme: 'basic' | 'bearer'; credentials: string } | null {
  if (!header || header.length > MAX_AUTHORIZATION_LENGTH) return null;
  const space = header.indexOf(' ');
  if (space < 0) return null;
  const scheme = header.slice(0, space).toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return null;
  let start = space;
  while (start < header.length && header.charCodeAt(start) === 32) start += 1;
  let end = header.length;
  while (end > start && isSpace(header.charCodeAt(end - 1))) end -= 1;
  return end > start ? { scheme, credentials: header.slice(start, end) } : null;
}

export function isAuthorized(access: AccessControl, header: string | null | undefined): boolean {
  const parsed = parseAuthorization(header);
  if (!parsed) return false;
  if (parsed.scheme === 'bearer') {
    // Every hash is compared, so which secret matched does not show in the timing either.
    return access.tokenHashes.map((expected) => matches(parsed.credentials, expected)).includes(true);
  }
  const credentials = decodeBasic(parsed.credentials);
  if (!credentials || !access.passwordHash) return false;
  const passwordOk = matches(credentials.password, access.passwordHash);
  const usernameOk = access.usernameHash ? matches(credentials.username, access.usernameHash) : true;
  return passwordOk && usernameOk;
}

// A snapshot's page in any case of its prefix, as the app's router matches it (`/S/<id>` opens as `/s/<id>`), and with
// the punctuation a link pasted from a chat ends with (`/s/<id>).`), which the page leaves out (TRAILING_PUNCTUATION):
// as written, or escaped, as the path keeps `%3F`, `%2C`, `%3B` and `%3A` once decoded (`decodeURI` leaves them).
const SNAPSHOT_READS = /^\/([sS]\/[A-Za-z0-9_-]{1,64}(?:[.,;:!?'")\]}>`]|%(?:2[27cC]|29|3[aAbBeEfF]|5[dD]|60|7[dD]))*|api\/snapshots\/[A-Za-z0-9_-]{1,64}(\/items|\/export)?)\/?$/;

/**
 * Paths that answer without credentials: load balancers probe the health check, and with public snapshots
 * (VIEWER_SNAPSHOTS=public) anyone with a link reads that one snapshot: its page, the app's static files and its
 * three read endpoints. Listing, creating and revoking snapshots stay behind access control.
 */
export function isOpenPath(path: string, method = 'GET', publicSnapshots = false, query = ''): boolean {
  if (path === '/healthz') return true;
  if (!publicSnapshots || (method !== 'GET' && method !== 'HEAD')) return false;
  return SNAPSHOT_READS.test(path) || path.startsWith('/assets/') || path === '/favicon.svg' || isSnapshotComparison(path, query);
}

const SNAPSHOT_SIDE = /^s:[A-Za-z0-9_-]{1,64}$/;

/** A comparison of two snapshots is as public as they are: its page is the app's HTML, its data their read endpoints. */
function isSnapshotComparison(path: string, query: string): boolean {
  // In any case, as the app's router matches it (and then writes the address as /compare).
  if (!/^\/compare\/?$/i.test(path)) return false;
  const search = new URLSearchParams(query);
  return SNAPSHOT_SIDE.test(search.get('a') ?? '') && SNAPSHOT_SIDE.test(search.get('b') ?? '');
}

export function challenge(access: AccessControl): string {
  return access.passwordHash ? 'Basic realm="Conversation Viewer", charset="UTF-8"' : 'Bearer realm="Conversation Viewer"';
}

export const UNAUTHORIZED_BODY = JSON.stringify({
  error: {
    message: 'This viewer asks for a password: sign in, or send Authorization: Bearer <VIEWER_TOKEN>.',
    type: 'invalid_request_error',
    code: 'unauthorized',
    param: null,
  },
});

/** The headers of a refusal: like every answer of the viewer's, it carries a request id. */
export function unauthorizedHeaders(access: AccessControl): Record<string, string> {
  const id = newViewerRequestId();
  return { 'content-type': 'application/json', 'www-authenticate': challenge(access), 'x-request-id': id, 'x-viewer-request-id': id };
}
