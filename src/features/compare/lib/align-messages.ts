import { stringifyJson } from '../../../lib/stringify-deep';
import type { ConversationItem } from '../../transcript/types';
import type { ContentCategory } from '../../../shared/snapshots/share-filter';
import type { Alignment } from './align-runs';
import type { ItemsLeftOut } from './common-ground';

export interface AlignRequest {
  id: number;
  a: readonly ConversationItem[];
  b: readonly ConversationItem[];
  /** Content a side's snapshot left out: it is left out of both runs' copies here, so it counts as no difference. */
  leftOut?: readonly ContentCategory[];
  /** Whole items a side's snapshot left out (by role or type): the other run's are set aside too. */
  items?: ItemsLeftOut;
}

/** A request as posted: as it is where a structured clone takes it, else (an item nested thousands of levels deep) as JSON text. */
export type PostedAlignRequest = AlignRequest | { id: number; json: string };

/** `id` null: a request the worker could not rebuild, which can only be the latest. */
export type AlignResponse = { id: number; alignment: Alignment } | { id: number | null; error: string };

/** Posts a request to the worker, as JSON text when a structured clone refuses it; JSON parses at any depth. */
export function postAlignRequest(worker: Pick<Worker, 'postMessage'>, request: AlignRequest) {
  try {
    worker.postMessage(request satisfies PostedAlignRequest);
  } catch {
    const { id, ...runs } = request;
    worker.postMessage({ id, json: stringifyJson(runs) } satisfies PostedAlignRequest);
  }
}

/** The request a posted one stands for. */
export function receivedAlignRequest(posted: PostedAlignRequest): AlignRequest {
  return 'json' in posted ? { ...(JSON.parse(posted.json) as Omit<AlignRequest, 'id'>), id: posted.id } : posted;
}
