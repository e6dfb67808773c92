import { postAsJsonIfRefused } from '../../../lib/post-as-json';
import { receivedAsJson, type PostedAsJson } from '../../../lib/received-as-json';
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

/** A request as posted (see received-as-json.ts). */
export type PostedAlignRequest = PostedAsJson<AlignRequest, 'id'>;

/** `id` null: a request the worker could not rebuild, which can only be the latest. */
export type AlignResponse = { id: number; alignment: Alignment } | { id: number | null; error: string };

/** Posts a request to the worker, as JSON text when a structured clone refuses it. */
export const postAlignRequest = (worker: Pick<Worker, 'postMessage'>, request: AlignRequest) => postAsJsonIfRefused(worker, request, ['id']);

/** The request a posted one stands for. */
export const receivedAlignRequest = (posted: PostedAlignRequest): AlignRequest => receivedAsJson<AlignRequest, 'id'>(posted);
