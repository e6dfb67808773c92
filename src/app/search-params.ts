import type { ItemOrder } from '../features/transcript/types';

export interface TranscriptSearch {
  source?: string;
  order?: ItemOrder;
}

/** Keeps only the search parameters the transcript understands, with values it accepts. */
export function parseTranscriptSearch(search: Record<string, unknown>): TranscriptSearch {
  const source = typeof search.source === 'string' && search.source.trim() ? search.source.trim() : undefined;
  const order = search.order === 'asc' || search.order === 'desc' ? search.order : undefined;
  return { ...(source ? { source } : {}), ...(order ? { order } : {}) };
}
