/** An item as the API sends it: only `type` is certain (the spec lets some types go without `id`). */
export interface ConversationItem {
  id?: string;
  type: string;
  [field: string]: unknown;
}

export interface Conversation {
  id: string;
  object?: string;
  created_at?: number | string | null;
  metadata?: Record<string, unknown> | null;
}

export interface ItemPage {
  object: 'list';
  data: ConversationItem[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export type ItemOrder = 'asc' | 'desc';
