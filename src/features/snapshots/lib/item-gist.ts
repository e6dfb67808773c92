import type { ConversationItem } from '../../../shared/contract/shapes';
import { itemLabel } from '../../../shared/items/item-catalog';
import { itemSummaryLine, plainLine } from '../../../shared/items/tool-summary';
import { foldForSearch } from '../../../lib/search-fold';

type Item = ConversationItem;

function firstText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const part of value) {
      const text = firstText(part && typeof part === 'object' ? ((part as Record<string, unknown>).text ?? (part as Record<string, unknown>).refusal) : part);
      if (text) return text;
    }
  }
  return '';
}

/** What the item chooser shows of an item in one line: its kind, and its first words or the tool it calls. */
export function itemGist(item: Item): { label: string; text: string; search: string } {
  const role = typeof item.role === 'string' ? item.role.slice(0, 30) : null;
  const label = item.type === 'message' && role ? `${role[0].toUpperCase()}${role.slice(1)}` : itemLabel(item.type);
  const name = typeof item.name === 'string' ? item.name : '';
  // Words as the compact view shows them: Markdown's marks left out, and for other items their one-line summary
  // ("1 tool", a search's query) where they have no name or text.
  const prose = (value: unknown) => plainLine(firstText(value).slice(0, 4000));
  const text =
    item.type === 'message' ? prose(item.content) : name || prose(item.summary) || itemSummaryLine(item) || firstText(item.arguments) || firstText(item.output);
  const line = text.slice(0, 4000).replace(/\s+/g, ' ').trim();
  return { label, text: line.slice(0, 120), search: foldForSearch(`${label} ${line} ${item.id ?? ''}`) };
}
