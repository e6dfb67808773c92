import type { ConversationItem } from '../../transcript/types';
import { alignRuns, type Alignment } from './align-runs';

export interface AlignRequest {
  id: number;
  a: readonly ConversationItem[];
  b: readonly ConversationItem[];
}

export type AlignResponse = { id: number; alignment: Alignment } | { id: number; error: string };

self.onmessage = (event: MessageEvent<AlignRequest>) => {
  const { id, a, b } = event.data;
  try {
    self.postMessage({ id, alignment: alignRuns(a, b) } satisfies AlignResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies AlignResponse);
  }
};
