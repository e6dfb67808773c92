import { startEarly } from '../lib/early-requests';
import { isConversationId } from '../lib/ids';
import { conversationPath, ITEM_STREAM_TYPE, itemStreamPath } from '../shared/contract/api-paths';

/**
 * A transcript link that names its source (`/c/conv_…?source=…`) says what the page will ask for first: its items'
 * stream and its conversation. Both start now, while the app's code is still being evaluated. A link without a
 * source waits for the viewer's default, as before; anything that is not a conversation ID asks for nothing.
 */
export function startTranscriptRequests(location: Pick<Location, 'pathname' | 'search'>): void {
  const match = /^\/c\/([^/]+)\/?$/.exec(location.pathname);
  if (!match) return;
  let conversationId: string;
  try {
    conversationId = decodeURIComponent(match[1]);
  } catch {
    return;
  }
  const source = new URLSearchParams(location.search).get('source')?.trim();
  if (!source || !isConversationId(conversationId)) return;
  startEarly(itemStreamPath(source, conversationId), ITEM_STREAM_TYPE);
  startEarly(conversationPath(source, conversationId), 'application/json');
}
