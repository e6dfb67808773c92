import { alignOnCommonGround } from './common-ground';
import { alignRuns } from './align-runs';
import { receivedAlignRequest, type AlignResponse, type PostedAlignRequest } from './align-messages';

self.onmessage = (event: MessageEvent<PostedAlignRequest>) => {
  const { id } = event.data;
  try {
    const { a, b, leftOut = [], items } = receivedAlignRequest(event.data);
    self.postMessage({ id, alignment: alignOnCommonGround(a, b, leftOut, alignRuns, items) } satisfies AlignResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies AlignResponse);
  }
};
