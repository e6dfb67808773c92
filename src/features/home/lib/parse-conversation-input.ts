import { isConversationId, isItemId, sourceIdOf } from '../../../lib/ids';
import { brokenSnapshotLink, conversationIdInText } from '../../../lib/id-in-text';
import { dashScopeRegionOfHost, type DashScopeRegion } from '../../../shared/contract/dashscope-hosts';
import { safeDecode } from '../../../lib/safe-decode';
import { TRAILING_PUNCTUATION, trimEndOf } from '../../../lib/trailing-punctuation';
import { parseSearch, type SearchValues } from '../../../lib/search-values';

/** What a share link holds of its view besides the order: its search, kind filter and tool, as the link wrote them. */
const VIEW_KEYS = ['q', 'hide', 'tool'] as const;
/** What a comparison link holds: its two sides and where they come from. */
export const COMPARE_KEYS = ['a', 'b', 'source', 'a_source', 'b_source'] as const;

/** The provider a pasted API URL belongs to, by its host. */
export type UrlProvider = { kind: 'dashscope'; region: DashScopeRegion } | { kind: 'openai' };

/** What a viewer's comparison link names, as its URL writes it: the two sides and their sources. */
export type CompareLink = Partial<Record<(typeof COMPARE_KEYS)[number], string>>;

export type ParsedInput =
  | { ok: true; conversationId: string; source?: string; order?: 'asc' | 'desc'; itemId?: string; provider?: UrlProvider; view?: SearchValues }
  | { ok: true; snapshotId: string }
  /** A viewer's link to a comparison of two runs opens that comparison. */
  | { ok: true; compare: CompareLink }
  /** `generic`: the input is nothing this reader recognises, so the message can only say what it takes. */
  | { ok: false; message: string; generic?: true };

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{16,64}$/;

function providerOf(host: string): UrlProvider | undefined {
  const region = dashScopeRegionOfHost(host);
  if (region) return { kind: 'dashscope', region };
  if (host.toLowerCase() === 'api.openai.com') return { kind: 'openai' };
  return undefined;
}

const URL_IN_TEXT = /https?:\/\/[^\s"'<>`]+/;

// A badly encoded segment is kept as it is (safeDecode); it then fails the ID pattern with a clear message.

function fromUrl(text: string): ParsedInput | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  // A link's path with a slash at its end reads as the same path (`/s/<id>/` is the snapshot page too).
  const segments = url.pathname.replace(/\/+$/, '').split('/').map(safeDecode);
  // A viewer's page prefixes, read in any case as its router reads them (`/C/conv_…` is the transcript page).
  const page = segments.map((segment) => (segment === 'C' || segment === 'S' ? segment.toLowerCase() : segment));
  // A snapshot link of a viewer: /s/<id>.
  const snapshotAt = page.indexOf('s');
  if (snapshotAt !== -1 && snapshotAt === segments.length - 2 && SNAPSHOT_ID.test(segments[snapshotAt + 1])) return { ok: true, snapshotId: segments[snapshotAt + 1] };
  // A comparison link of a viewer: /compare?a=…&b=…, its path in any case as the router reads it.
  if (/^compare$/i.test(segments.filter(Boolean).at(-1) ?? '')) {
    const values = parseSearch(url.search);
    const compare: CompareLink = {};
    for (const key of COMPARE_KEYS) if (typeof values[key] === 'string' && values[key].trim()) compare[key] = values[key].trim();
    if (compare.a || compare.b) return { ok: true, compare };
  }
  const index = page.findIndex((segment, i) => (segment === 'conversations' || segment === 'c') && i < segments.length - 1);
  if (index === -1) return null;
  const conversationId = segments[index + 1];
  if (!isConversationId(conversationId)) return null;
  const isShareLink = page[index] === 'c';
  const apiItemId = !isShareLink && segments[index + 2] === 'items' ? (segments[index + 3] ?? '') : '';
  const values: SearchValues = isShareLink ? parseSearch(url.search) : {};
  // The source as the transcript page reads it: unquoted where the app wrote it quoted, trimmed, and in another case
  // the source of that lower-case ID.
  const linkSource = typeof values.source === 'string' ? values.source.trim() : '';
  const source = linkSource ? sourceIdOf(linkSource) : undefined;
  const order = isShareLink ? url.searchParams.get('order') : null;
  const hashId = isShareLink && url.hash.length > 1 ? safeDecode(url.hash.slice(1)) : '';
  const itemId = isItemId(hashId) ? hashId : isItemId(apiItemId) ? apiItemId : undefined;
  const provider = isShareLink ? undefined : providerOf(url.hostname);
  const view = Object.fromEntries(VIEW_KEYS.filter((key) => values[key] !== undefined && values[key] !== '').map((key) => [key, values[key]]));
  return {
    ok: true,
    conversationId,
    ...(provider ? { provider } : {}),
    ...(source ? { source } : {}),
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
    ...(itemId ? { itemId } : {}),
    ...(Object.keys(view).length > 0 ? { view } : {}),
  };
}

/**
 * Reduces what a person pastes to a conversation ID: the bare ID (whitespace and quotes around it are fine),
 * an API URL such as `.../conversations/conv_x/items`, or a share link `/c/conv_x?source=…#item`; a snapshot link
 * to its snapshot, and a comparison link (`/compare?a=…&b=…`) to its comparison.
 */
export function parseConversationInput(raw: string): ParsedInput {
  // Quotes, brackets and sentence punctuation around what was copied, and invisible characters inside it, are not part
  // of it: `(conv_x).`, `conv_x,` and an ID with a zero-width space pasted from a chat are conv_x.
  let text = raw
    // Zero-width spaces and joiners, the soft hyphen, and the direction marks and embeddings that text from a
    // right-to-left page or a chat app carries around an ID.
    .replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, '')
    .trim()
    .replace(/^["'`(<[{]+/, '');
  text = trimEndOf(text, TRAILING_PUNCTUATION);
  if (!text) return { ok: false, message: 'Paste a conversation ID, such as conv_68f2a91c…', generic: true };
  if (isConversationId(text)) return { ok: true, conversationId: text };
  // A snapshot's path as a link holds it, with its search or item after it; or `s:<id>`, as the compare form takes it.
  const path = text.match(/^\/s\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/i) ?? text.match(/^s:([A-Za-z0-9_-]+)$/i);
  if (path && SNAPSHOT_ID.test(path[1])) return { ok: true, snapshotId: path[1] };
  // A comparison's path as a link holds it.
  const parsedUrl = fromUrl(/^\/compare\/?\?/i.test(text) ? `http://viewer${text}` : text);
  if (parsedUrl) return parsedUrl;
  // A URL inside other text (a curl command, a log line): read as the URL it is, its provider included.
  const urlInText = text.match(URL_IN_TEXT)?.[0];
  const parsedInText = urlInText ? fromUrl(urlInText) : null;
  if (parsedInText) return parsedInText;
  // A snapshot link whose ID cannot be one (cut short when copied): said of the snapshot, not of conversation IDs.
  const snapshotLink = /^(?:https?:\/\/[^/\s]+)?\/s\/([^/?#\s]+)\/?(?:[?#]\S*)?$/i.exec(text);
  if (snapshotLink) return { ok: false, message: brokenSnapshotLink(snapshotLink[1]) };
  const snapshotRef = /^s:(\S*)$/i.exec(text);
  if (snapshotRef) {
    return { ok: false, message: `“${text.slice(0, 80)}” does not name a snapshot: after s: comes a snapshot's ID, 16 to 64 letters, digits, _ or -, as its link (/s/…) ends.` };
  }
  return conversationIdInText(text);
}
