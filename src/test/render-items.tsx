import { render } from '@testing-library/react';
import { ItemView } from '../features/transcript/list/transcript-list';
import { foldsIntoCall } from '../shared/items/item-catalog';
import { pairToolCalls, partnerOf } from '../features/transcript/lib/pair-tool-calls';
import type { ConversationItem } from '../features/transcript/types';

/** Renders items as the transcript list does (an output whose call is loaded shows in the call's row), all at once, for unit tests. */
export function renderItems(items: ConversationItem[], highlightedId: string | null = null, wrapper?: React.JSXElementConstructor<{ children: React.ReactNode }>) {
  const pairs = pairToolCalls(items);
  const result = render(
    <ol>
      {items.map((item, index) => {
        const partner = partnerOf(item, pairs);
        return partner && foldsIntoCall(item.type) ? null : (
          <li key={index}>
            <ItemView item={item} partner={partner} highlighted={item.id === highlightedId} />
          </li>
        );
      })}
    </ol>,
    { wrapper },
  );
  const article = (id: string) => {
    const element = result.container.querySelector<HTMLElement>(`[data-item-id="${id}"]`);
    if (!element) throw new Error(`no item ${id}`);
    return element;
  };
  return { ...result, article };
}
