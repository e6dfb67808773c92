import { startEarly } from '../lib/early-requests';
import { isConversationId } from '../lib/ids';
import { parseSearch, pathParam } from '../lib/navigation';
import { itemStreamPath } from '../shared/contract/api-paths';
import { parseTranscriptSearch } from './search-params';

/**
 * Starts what the page at `location` asks for first, before its code has arrived: a transcript link that names its
 * source starts its item stream, so the server's first upstream page is on its way while the page boots. The request
 * is the one `streamItems` makes (same path and headers), and it takes it.
 */
export function startPageRequests({ pathname, search }: { pathname: string; search: string }): void {
  if (!pathname.startsWith('/c/')) return;
  const conversationId = pathParam(pathname, '/c/');
  const { source } = parseTranscriptSearch(parseSearch(search));
  if (!source || !isConversationId(conversationId)) return;
  startEarly(itemStreamPath(source, conversationId), { headers: { accept: 'application/x-ndjson' } });
}
