import type { ConversationItem } from '../../transcript/types';
import type { ContentCategory } from '../../../shared/snapshots/share-filter';
import { alignOnCommonGround } from './common-ground';
import { alignRuns, type Alignment } from './align-runs';

export interface AlignRequest {
  id: number;
  a: readonly ConversationItem[];
  b: readonly ConversationItem[];
  /** Content a side's snapshot left out: it is left out of both runs' copies here, so it counts as no difference. */
  leftOut?: readonly ContentCategory[];
}

export type AlignResponse = { id: number; alignment: Alignment } | { id: number; error: string };

self.onmessage = (event: MessageEvent<AlignRequest>) => {
  const { id, a, b, leftOut = [] } = event.data;
  try {
    self.postMessage({ id, alignment: alignOnCommonGround(a, b, leftOut, alignRuns) } satisfies AlignResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies AlignResponse);
  }
};

