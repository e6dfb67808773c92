export type { Conversation, ConversationItem, ItemPage } from '../../shared/contract/shapes';

export type ItemOrder = 'asc' | 'desc';

/** The longest search a link holds: the page reads back at most this much of its `q`, and writes no more into it. */
export const LINK_QUERY_MAX = 500;
