// Where a page's path holds its ID: read by the router's pages and, before the app has loaded, by the requests a link
// starts early (`src/app/early-page-requests.ts`), so both read a path the same way. No router here.
import { isConversationId, isSnapshotId } from './ids';
import { safeDecode } from './safe-decode';
import { TRAILING_PUNCTUATION, trimEndOf } from './trailing-punctuation';

/** The pages whose path holds an ID, by the prefix the app writes (`/c/conv_…`, `/s/<snapshot id>`). */
export type IdPagePrefix = '/c/' | '/s/';

const PREFIXES: readonly IdPagePrefix[] = ['/c/', '/s/'];

const isIdOf = (prefix: IdPagePrefix) => (prefix === '/c/' ? isConversationId : isSnapshotId);

/**
 * The one path segment after `prefix`, decoded once (a malformed escape is left as it came), or null when the path is
 * not that page's. The prefix is read in any case, as the router matches it (`/C/conv_…` is the transcript page):
 * the ID itself is read as written, without the punctuation a link pasted from a chat brings along (`/c/conv_x.`,
 * `/c/conv_x)`) when what is left is an ID, as the home page reads a pasted ID.
 */
export function pagePathParam(pathname: string, prefix: IdPagePrefix): string | null {
  if (pathname.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const match = /^([^/]+)\/?$/.exec(pathname.slice(prefix.length));
  if (!match) return null;
  const param = safeDecode(match[1]);
  const trimmed = trimEndOf(param, TRAILING_PUNCTUATION);
  return isIdOf(prefix)(trimmed) ? trimmed : param;
}

/** The pages whose path is only their name, which the router matches in any case too. */
const NAMED_PAGES = /^\/(?:compare|snapshots|file)\/?$/i;

/**
 * The path as the app writes it: `/C/conv_x` is `/c/conv_x`, `/c/conv_x).` and `/c/conv_x/` are `/c/conv_x`, and
 * `/Compare` is `/compare`, so a hand-written or pasted link's address becomes the one shared.
 */
export function canonicalPagePath(pathname: string): string {
  for (const prefix of PREFIXES) {
    const id = pagePathParam(pathname, prefix);
    if (id !== null) return prefix + (isIdOf(prefix)(id) ? id : pathname.slice(prefix.length));
  }
  return NAMED_PAGES.test(pathname) ? pathname.toLowerCase() : pathname;
}

/**
 * Pages a reader without the viewer's password may open, where snapshots are public: a snapshot's page and a
 * comparison of two snapshots (as the server's access control reads them). They ask the viewer for nothing that needs
 * the password: a refusal would bring up the browser's sign-in dialog over the page.
 */
export function readsWithoutPassword(pathname: string, search: string): boolean {
  if (pagePathParam(pathname, '/s/') !== null) return true;
  if (!/^\/compare\/?$/i.test(pathname)) return false;
  const params = new URLSearchParams(search);
  return [params.get('a'), params.get('b')].every((side) => side?.startsWith('s:') ?? false);
}
