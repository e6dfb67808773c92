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

// A request nested deeper than this thread's structured clone takes never arrives as a message: the page hears why.
self.onmessageerror = () => {
  self.postMessage({ id: null, error: 'The runs could not be handed to the comparison: an item is nested too deep.' } satisfies AlignResponse);
};
