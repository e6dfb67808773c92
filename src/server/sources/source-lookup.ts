import { CONVERSATION_ID_PATTERN } from '../../lib/ids.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { KNOWN_SOURCES, type Source } from './sources.ts';

/** The configured source named `id`, or the same refusal the proxy gives for it. */
export function findSource(sources: readonly Source[], id: string): Source {
  const source = sources.find((candidate) => candidate.id === id);
  if (source) return source;
  const known = KNOWN_SOURCES.get(id);
  if (known) throw new ApiFailure(400, 'source_not_configured', `The source '${id}' (${known.label}) is not configured on this server. ${known.howToEnable}`, 'invalid_request_error', 'source');
  throw new ApiFailure(404, 'unknown_source', `There is no source '${id.slice(0, 40)}'. Configured: ${sources.map((s) => s.id).join(', ') || 'none'}.`, 'invalid_request_error', 'source');
}

export function checkConversationId(id: string): string {
  if (CONVERSATION_ID_PATTERN.test(id)) return id;
  throw new ApiFailure(400, 'invalid_conversation_id', `'${id.slice(0, 60)}' is not a conversation ID: IDs look like conv_ followed by letters, digits, '_' or '-'.`, 'invalid_request_error', 'conversation_id');
}
