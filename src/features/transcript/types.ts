export type { Conversation, ConversationItem, ItemPage } from '../../shared/contract/shapes';

export type ItemOrder = 'asc' | 'desc';
