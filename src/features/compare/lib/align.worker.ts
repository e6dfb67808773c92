import type { ConversationItem } from '../../transcript/types';
import type { ContentCategory } from '../../../shared/snapshots/share-filter';
import { alignOnCommonGround, type ItemsLeftOut } from './common-ground';
import { alignRuns, type Alignment } from './align-runs';

export interface AlignRequest {
  id: number;
  a: readonly ConversationItem[];
  b: readonly ConversationItem[];
  /** Content a side's snapshot left out: it is left out of both runs' copies here, so it counts as no difference. */
  leftOut?: readonly ContentCategory[];
  /** Whole items a side's snapshot left out (by role or type): the other run's are set aside too. */
  items?: ItemsLeftOut;
}

export type AlignResponse = { id: number; alignment: Alignment } | { id: number; error: string };

self.onmessage = (event: MessageEvent<AlignRequest>) => {
  const { id, a, b, leftOut = [], items } = event.data;
  try {
    self.postMessage({ id, alignment: alignOnCommonGround(a, b, leftOut, alignRuns, items) } satisfies AlignResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies AlignResponse);
  }
};

