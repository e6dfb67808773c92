import type { ConversationItem } from '../types';

export interface ItemViewProps {
  item: ConversationItem;
  /** The other half of a tool call (the output for a call, the call for an output), when it is loaded. */
  partner?: ConversationItem;
  highlighted: boolean;
}
