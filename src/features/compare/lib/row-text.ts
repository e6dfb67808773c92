import { messageText } from '../../../shared/items/display-text';
import { itemSummaryLine, toolSummary } from '../../../shared/items/tool-summary';
import type { ConversationItem } from '../../transcript/types';
import { itemKind } from '../../../shared/items/item-catalog';

const MAX = 600;
const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);

/** The few lines a row shows when it is not a changed row: the text of a message, the arguments and outcome of a call. */
export function rowText(item: ConversationItem, output: ConversationItem | undefined): string {
  if (item.type === 'message') return clip(messageText(item).trim());
  if (itemKind(item) === 'tools') {
    const summary = toolSummary(item, output);
    const line = itemSummaryLine(item) || summary.args;
    // A size keeps its unit on its line: "30 B", never "30" and "B" a line apart.
    return clip([line, summary.outcome?.text, summary.size?.replace(' ', '\u00a0')].filter(Boolean).join(' · '));
  }
  return clip(itemSummaryLine(item));
}

/** A tool call's name, shown beside its type. */
export function toolName(item: ConversationItem): string | null {
  return typeof item.name === 'string' && item.name ? item.name.slice(0, 60) : null;
}
