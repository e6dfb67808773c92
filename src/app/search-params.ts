import type { ItemKind } from '../features/transcript/lib/item-filter';
import { sourceIdOf } from '../lib/ids';
import { LINK_QUERY_MAX, type ItemOrder } from '../features/transcript/types';

export interface TranscriptSearch {
  source?: string;
  order?: ItemOrder;
  /** The transcript search text. */
  q?: string;
  /** Item kinds the filter hides, comma-separated. */
  hide?: string;
  /** The one tool whose calls are shown, by the name the run summary gives it. */
  tool?: string;
  /** `only`: only the failed and incomplete items are shown (Failures only). */
  failures?: 'only';
}

const KINDS: readonly ItemKind[] = ['messages', 'tools', 'reasoning', 'other'];

export function parseHiddenKinds(hide: string | undefined): Set<ItemKind> {
  return new Set(KINDS.filter((kind) => hide?.split(',').includes(kind)));
}

export function formatHiddenKinds(hidden: ReadonlySet<ItemKind>): string | undefined {
  return hidden.size > 0 ? KINDS.filter((kind) => hidden.has(kind)).join(',') : undefined;
}

/** Keeps only the search parameters the transcript understands, with values it accepts. */
export function parseTranscriptSearch(search: Record<string, unknown>): TranscriptSearch {
  // A source in another case (`?source=Demo`) is the source of that ID, read so here, where the early requests read it too.
  const source = typeof search.source === 'string' && search.source.trim() ? sourceIdOf(search.source.trim()) : undefined;
  const order = search.order === 'asc' || search.order === 'desc' ? search.order : undefined;
  const q = typeof search.q === 'string' && search.q !== '' ? search.q.slice(0, LINK_QUERY_MAX) : undefined;
  const hide = typeof search.hide === 'string' ? formatHiddenKinds(parseHiddenKinds(search.hide)) : undefined;
  // A tool's name as the summary shows it (at most 60 characters).
  const tool = typeof search.tool === 'string' && search.tool.trim() ? search.tool.slice(0, 60) : undefined;
  const failures = search.failures === 'only' ? 'only' : undefined;
  return { ...(source ? { source } : {}), ...(order ? { order } : {}), ...(q ? { q } : {}), ...(hide ? { hide } : {}), ...(tool ? { tool } : {}), ...(failures ? { failures } : {}) };
}
