import { startEarly } from '../lib/early-requests';
import { isConversationId, isSnapshotId, isSourceId } from '../lib/ids';
import { pagePathParam } from '../lib/page-path';
import { parseSearch } from '../lib/search-values';
import { conversationPath, ITEM_STREAM_TYPE, itemStreamPath, snapshotItemsPagePath, snapshotPath } from '../shared/contract/api-paths';
import { parseTranscriptSearch } from './search-params';

const JSON_TYPE = 'application/json';

/**
 * What the page at this address will ask for first, started now, while the app's code is still being evaluated:
 * - a transcript link that names its source (`/c/conv_…?source=…`): its items' stream and its conversation (a link
 *   without a source, or with one no source can be named, waits for the route, as before);
 * - a snapshot link (`/s/<id>`): its first page of items and the snapshot itself, together, where the page would
 *   ask for the items only once the snapshot had answered.
 * The path is read as the pages read it (`src/lib/page-path.ts`: `/C/conv_…` is a transcript link too). Anything that
 * is not a conversation or snapshot ID asks for nothing.
 */
export function startPageRequests(location: Pick<Location, 'pathname' | 'search'>): void {
  const conversationId = pagePathParam(location.pathname, '/c/');
  if (conversationId !== null) {
    // The source as the transcript's route reads it (`?source=%222024%22` is the source 2024; `?source=2024` is no source).
    const { source } = parseTranscriptSearch(parseSearch(location.search));
    if (!source || !isSourceId(source) || !isConversationId(conversationId)) return;
    startEarly(itemStreamPath(source, conversationId), ITEM_STREAM_TYPE);
    startEarly(conversationPath(source, conversationId), JSON_TYPE);
    return;
  }
  const snapshotId = pagePathParam(location.pathname, '/s/');
  if (snapshotId !== null && isSnapshotId(snapshotId)) {
    startEarly(snapshotItemsPagePath(snapshotId, 0), JSON_TYPE);
    startEarly(snapshotPath(snapshotId), JSON_TYPE);
  }
}
