import type { TranscriptOrigin } from '../../transcript/data/use-transcript';
import { isConversationId, sourceIdOf } from '../../../lib/ids';
import { COMPARE_KEYS, parseConversationInput, type CompareLink, type UrlProvider } from '../../home/lib/parse-conversation-input';
import { trimEndOf } from '../../../lib/trailing-punctuation';
import { sourceForUrl } from '../../home/lib/url-source';
import type { SourceSummary } from '../../sources/api/get-sources';

/** The compare page's URL: both sides and where they come from. The URL is the whole state of a comparison. */
export interface CompareSearch {
  a?: string;
  b?: string;
  /** The source of both sides, unless one names its own. */
  source?: string;
  a_source?: string;
  b_source?: string;
}

/** One side of a comparison, as the URL names it. */
export type SideSpec =
  | { kind: 'api'; conversationId: string; source: string | null }
  | { kind: 'snapshot'; snapshotId: string }
  /** The file opened in this tab. */
  | { kind: 'file' }
  | { kind: 'missing' }
  | { kind: 'invalid'; value: string };

export type Side = 'a' | 'b';

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{16,64}$/;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined);

/** The URL's comparison; a source written in another case (`?source=Demo`) is read as the ID it names (`demo`). */
export function parseCompareSearch(search: Record<string, unknown>): CompareSearch {
  const result: CompareSearch = {};
  for (const key of COMPARE_KEYS) {
    const value = text(search[key]);
    if (value) result[key] = key === 'a' || key === 'b' ? value : sourceIdOf(value);
  }
  return result;
}

/** `conv_…` for a conversation of a source, `s:<id>` for a snapshot, `file` for the file opened in this tab. */
export function sideSpec(search: CompareSearch, side: Side, defaultSource: string | null): SideSpec {
  const value = search[side];
  if (!value) return { kind: 'missing' };
  if (value === 'file') return { kind: 'file' };
  if (value.startsWith('s:')) {
    const snapshotId = value.slice(2);
    return SNAPSHOT_ID.test(snapshotId) ? { kind: 'snapshot', snapshotId } : { kind: 'invalid', value };
  }
  if (!isConversationId(value)) return { kind: 'invalid', value };
  return { kind: 'api', conversationId: value, source: search[`${side}_source`] ?? search.source ?? defaultSource };
}

/** How a side is written in the URL, with its source when it has one. */
export interface SideRef {
  value: string;
  source?: string;
}

/** The URL search of a comparison; a source both sides share is written once. */
export function compareSearch(a: SideRef, b: SideRef): CompareSearch {
  const shared = a.source && a.source === b.source ? a.source : undefined;
  return {
    a: a.value,
    b: b.value,
    ...(shared ? { source: shared } : {}),
    ...(!shared && a.source ? { a_source: a.source } : {}),
    ...(!shared && b.source ? { b_source: b.source } : {}),
  };
}

const QUOTES = '"\'`';

/**
 * What a person types for a side: `file`, `s:<id>`, or anything the home page opens: a conversation ID, an API URL,
 * a viewer link to a conversation (`/c/conv_…?source=`) or a snapshot (`/s/<id>`). Null when it is none of these.
 * An API URL names its provider, whose source the side is then read from.
 */
export function parseSideInput(raw: string): (SideRef & { provider?: UrlProvider }) | null {
  const input = trimEndOf(raw.trim().replace(/^["'`]+/, ''), QUOTES);
  if (input === 'file') return { value: 'file' };
  // `s:<id>` too: the home page's reader takes it.
  const parsed = parseConversationInput(input);
  if (!parsed.ok || 'compare' in parsed) return null;
  if ('snapshotId' in parsed) return { value: `s:${parsed.snapshotId}` };
  return { value: parsed.conversationId, ...(parsed.source ? { source: parsed.source } : {}), ...(parsed.provider ? { provider: parsed.provider } : {}) };
}

export type SideInput = { ok: true; ref: SideRef } | { ok: false; message: string };

const PROBLEM = 'Paste a conversation ID (conv_…), an API URL, a viewer link to a conversation or snapshot, s:<snapshot id>, or file.';
const COMPARISON = 'That is a link to a comparison of two runs. Name one run here: a conversation ID (conv_…), a link to it, s:<snapshot id>, or file.';

/** The comparison a pasted viewer link (`/compare?a=…&b=…`) names, when it names both runs; else null. */
export function comparisonIn(raw: string): CompareSearch | null {
  const parsed = parseConversationInput(raw);
  if (!parsed.ok || !('compare' in parsed)) return null;
  const link: CompareLink = parsed.compare;
  return link.a && link.b ? parseCompareSearch(link) : null;
}

/**
 * A side as the form reads it: an API URL is read from the configured source of its provider, as the home page opens
 * it, and refused with the same words when this viewer has none; a conversation that names no source, or one this
 * viewer does not have, gets `source`.
 */
export function sideFromInput(raw: string, sources: readonly SourceSummary[], source: string): SideInput {
  const parsed = parseSideInput(raw);
  if (!parsed) {
    const link = parseConversationInput(raw);
    // What the reader got wrong, where it can be told (a snapshot ID cut short, a space in an ID); else what is taken.
    return { ok: false, message: link.ok ? ('compare' in link ? COMPARISON : PROBLEM) : link.generic ? PROBLEM : link.message };
  }
  const { provider, ...ref } = parsed;
  // No sources known (not loaded yet, or a snapshot's reader who may not list them): the compare page reads and
  // reports each side's source itself.
  if (sources.length === 0) return { ok: true, ref: withSource(ref, source) };
  if (provider) {
    const found = sourceForUrl(provider, sources);
    return found.ok ? { ok: true, ref: { ...ref, source: found.source.id } } : { ok: false, message: found.message };
  }
  // A pasted link's source that this viewer does not have is read from the chosen one, as the home page opens it.
  if (ref.source && !sources.some((candidate) => candidate.id === ref.source)) {
    const { source: _unknown, ...rest } = ref;
    return { ok: true, ref: withSource(rest, source) };
  }
  return { ok: true, ref: withSource(ref, source) };
}

/** A conversation that names no source is read from `source`. */
export const withSource = (ref: SideRef, source: string): SideRef => (ref.value.startsWith('conv_') && !ref.source ? { ...ref, source } : ref);

/** Whether two sides are the one run: the same conversation of the same source, or the same snapshot (not a file: two may differ). */
export function sameRun(a: TranscriptOrigin, b: TranscriptOrigin): boolean {
  if (a.kind === 'api' && b.kind === 'api') return a.source === b.source && a.conversationId === b.conversationId;
  if (a.kind === 'snapshot' && b.kind === 'snapshot') return a.snapshotId === b.snapshotId;
  return false;
}
