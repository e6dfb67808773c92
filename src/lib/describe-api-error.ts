import { ApiError } from './api-error';
import { isRawBodyMessage } from './error-body';
import { brokenSnapshotLink, conversationIdInText } from './id-in-text';
import { isSnapshotId } from './ids';
import { formatCount, formatLocalTime } from '../shared/format';

export interface ErrorDescription {
  title: string;
  /** What the reader can do about it. */
  hint: string;
  /** The server's own words, kept so nothing is lost. */
  detail: string;
  /** Retrying cannot help (the conversation does not exist, the key is missing): no Retry is offered. */
  final?: boolean;
  /** How long the server asked to wait before trying again (a rate limit's Retry-After), in seconds. */
  waitSeconds?: number;
}

interface Context {
  conversationId?: string;
  sourceLabel?: string;
  /** The ID a snapshot's link holds, as the page read it. */
  snapshotId?: string;
}

/** Turns any failure into a specific title and a next step for the person reading the transcript. */
/** " on 2026-12-04 13:50 UTC" from the first ISO timestamp in a message, or nothing. */
function on(message: string): string {
  const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/.exec(message)?.[0];
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? ` on ${formatLocalTime(date)}` : '';
}

export function describeApiError(error: unknown, { conversationId, sourceLabel: label, snapshotId }: Context = {}): ErrorDescription {
  // A source's name keeps its own letters; the stand-in for one opens a sentence as a sentence opens.
  const sourceLabel = label ?? 'the source';
  const Source = label ?? 'The source';
  const message = error instanceof Error ? error.message : String(error);
  const detail = error instanceof ApiError && error.requestId ? `${message} (request id ${error.requestId})` : message;
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', hint: 'Try again; if it keeps happening, reload the page.', detail };
  }
  const conversation = conversationId ? `conversation ${conversationId}` : 'this conversation';
  switch (error.code) {
    case 'invalid_conversation_id': {
      // What the home form would say of the same text, where it can say more than what an ID looks like.
      const reading = conversationIdInText(conversationId ?? '');
      if (!reading.ok && !reading.generic) return { title: 'That is not a conversation ID', hint: reading.message, detail: '', final: true };
      return { title: 'That is not a conversation ID', hint: 'Conversation IDs start with conv_, then letters and digits. Check the link or paste the ID again.', detail, final: true };
    }
    case 'source_not_configured':
      return { title: 'No API key for this source', hint: 'The viewer server has no key for this source. Ask whoever runs it to configure one, or pick another source.', detail, final: true };
    case 'unknown_source':
      return { title: 'Unknown source', hint: 'The link names a source this viewer does not have. Pick one of the configured sources.', detail, final: true };
    case 'upstream_unreachable':
      return { title: `${Source} is unreachable`, hint: 'The viewer server could not connect to it. Check the server’s network and base URL, then retry.', detail };
    case 'viewer_busy':
      return { title: 'The viewer is busy', hint: 'It is reading many large answers at once. Retry in a moment.', detail };
    case 'insufficient_quota':
      return { title: 'Out of quota', hint: `The account behind ${sourceLabel} has run out of quota or credits. Check its billing; retrying will not help.`, detail };
    case 'upstream_timeout':
      return { title: `${Source} timed out`, hint: 'It did not answer in time. Retry in a moment.', detail };
    case 'upstream_connection_reset':
      return { title: `${Source} dropped the connection`, hint: 'The connection closed before the answer was complete. Retry in a moment.', detail };
    case 'upstream_malformed':
      return { title: 'Malformed response', hint: `${Source} answered with something that is not a Conversations API response. Check the source’s base URL.`, detail };
    case 'upstream_not_json':
      return { title: 'Not a JSON response', hint: `${Source} answered with a page instead of data, often a sign-in or gateway page. Check the source’s base URL.`, detail };
    case 'upstream_truncated':
      return { title: 'Incomplete response', hint: `${Source}’s answer was cut off part way. Retry; if it keeps happening, the upstream or a proxy in between is cutting answers short.`, detail };
    case 'upstream_too_large':
      return { title: 'Response too large', hint: 'The answer is bigger than this viewer accepts. Whoever runs the viewer can raise UPSTREAM_MAX_BYTES.', detail };
    case 'unauthorized':
      return { title: 'Sign-in required', hint: 'This viewer is protected by a password. Reload the page to sign in again.', detail };
    case 'network_error':
      return { title: 'The viewer server is unreachable', hint: 'Check your connection and that the viewer is still running, then retry.', detail };
    case 'upstream_paging_loop':
      // The loader stops on a repeated page or cursor, and after its most pages from each end: the detail says which.
      return {
        title: `${Source}’s pages did not end`,
        hint: 'The viewer stops when pages or cursors repeat, or after 1,000 pages from each end, rather than read forever. Everything up to here is shown; the reason follows.',
        detail,
      };
    case 'stream_interrupted':
      return { title: 'Loading was interrupted', hint: 'The connection to the viewer server ended early. Retry to load the rest.', detail };
    case 'malformed_response':
      return { title: 'Malformed response', hint: 'The viewer server answered with something unexpected. Retry, or reload the page.', detail };
    // The server's sentence says the same: once is enough.
    case 'snapshot_not_found':
      // A link whose ID cannot be one (the page never asks for it) is said as the home form says it of the same link.
      if (snapshotId !== undefined && !isSnapshotId(snapshotId)) return { title: 'That is not a snapshot link', hint: brokenSnapshotLink(snapshotId), detail: '', final: true };
      return { title: 'Snapshot not found', hint: 'No snapshot has this link. Check that it was copied whole, or ask whoever shared it for a new one.', detail: '', final: true };
    // Said once, with the date as people write it; the server's sentence would only repeat it.
    case 'snapshot_revoked':
      return { title: 'This snapshot was revoked', hint: `Whoever shared it took it back${on(message)} and its content was deleted. Ask them for a new link if you still need it.`, detail: '', final: true };
    case 'snapshot_expired':
      return { title: 'This snapshot has expired', hint: `It was shared for a limited time, which ended${on(message)}. Ask whoever shared it for a new link.`, detail: '', final: true };
    // A setting of the viewer's: retrying cannot change it, and the server's sentence says the same.
    case 'snapshots_disabled':
      return { title: 'Snapshots are turned off', hint: 'This viewer does not store snapshots (VIEWER_SNAPSHOTS=off).', detail: '', final: true };
    case 'snapshot_too_many_items':
    case 'snapshot_too_large':
      return { title: 'Too large for a snapshot', hint: 'Leave more out (reasoning, tool outputs), or ask whoever runs the viewer to raise the limit.', detail };
    case 'rate_limited': {
      const wait = error.retryAfterSeconds || null;
      return {
        title: 'Too many snapshots at once',
        hint: wait !== null ? `Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.` : 'Wait a minute, then try again.',
        detail,
        ...(wait !== null ? { waitSeconds: wait } : {}),
      };
    }
    // The viewer's own checks (a snapshot's rules, a parameter): not the source's refusal.
    case 'invalid_request':
    case 'invalid_parameter':
      return { title: 'The viewer refused the request', hint: 'It is not valid as it stands: the reason follows. Change it, then try again.', detail };
    case 'store_unavailable':
      return { title: 'Snapshots are unavailable right now', hint: 'The viewer cannot reach its database. Try again later.', detail };
  }
  // A 4xx that is not the API's error (an HTML or text page): a gateway, a sign-in page or a wrong base URL answered,
  // so "no conversation" or "no access" would send the reader to check an ID that may be right.
  if (error.status >= 400 && error.status < 500 && ![408, 409, 429].includes(error.status) && error.code === null && isRawBodyMessage(message)) {
    return {
      title: `${Source} answered HTTP ${error.status} with a page, not an API error`,
      hint: 'Something other than the Conversations API answered: a gateway, a proxy or a sign-in page, or the source’s base URL is wrong. Check the source’s base URL; the page’s text follows.',
      detail,
      final: true,
    };
  }
  switch (error.status) {
    case 400:
      return { title: 'The request was rejected', hint: 'The source refused the request as invalid.', detail };
    case 401:
      return { title: 'The API key was rejected', hint: `${Source} did not accept the server’s API key. Check that it is valid and for the right region.`, detail };
    case 403:
      return { title: 'Access denied', hint: `The API key has no access to ${conversation}. Conversations belong to the account (and region) that created them.`, detail, final: true };
    case 404:
      return {
        title: 'Conversation not found',
        hint: `${Source} has no ${conversation}. Check the ID and the source${sourceLabel.includes('DashScope') ? '; DashScope keeps conversations for 7 days' : ''}.`,
        detail,
        final: true,
      };
    case 429: {
      // A Retry-After of 0, or a date already past, asks for no wait: there is nothing to count down.
      const wait = error.retryAfterSeconds || null;
      return {
        title: 'Rate limited',
        hint: wait !== null ? `${Source} asks to wait ${wait} second${wait === 1 ? '' : 's'} before retrying.` : `${Source} is limiting requests. Wait a little, then retry.`,
        detail,
        ...(wait !== null ? { waitSeconds: wait } : {}),
      };
    }
  }
  if (error.status >= 500) {
    return { title: `${Source} had a problem (HTTP ${error.status})`, hint: 'The upstream failed on its side. Retry in a moment.', detail };
  }
  return { title: `Request failed (HTTP ${error.status})`, hint: 'Retry, or check the conversation ID and source.', detail };
}

/**
 * A failure after some items loaded, said as where loading stopped. The title reads on as a clause: its first letter is
 * lowered, unless it begins with the source's name ("OpenAI timed out"), whose letters are the source's own.
 */
export function describeStoppedLoading(description: ErrorDescription, loaded: number, sourceLabel = 'the source'): ErrorDescription {
  const { title } = description;
  const clause = title.startsWith(sourceLabel) ? title : title.charAt(0).toLowerCase() + title.slice(1);
  return { ...description, title: `Loading stopped after ${formatCount(loaded)} items: ${clause}` };
}

/** A failure being retried on its own: what failed, and that it is tried again. */
export function retryingError(description: ErrorDescription, attempt: number): ErrorDescription {
  return { ...description, hint: `${description.hint} Retrying automatically (attempt ${attempt})…` };
}
