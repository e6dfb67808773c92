import { createElement, memo } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { partnerOf, type ToolPairs } from '../lib/pair-tool-calls';
import type { ConversationItem } from '../types';
import type { ItemViewProps } from './item-view-props';
import { rendererFor } from './item-renderers';
import { toPrettyJson } from '../lib/json-text';
import { LongText } from './content/long-text';

function BrokenItem({ item, error }: { item: ConversationItem; error: unknown }) {
  return (
    <article
      data-item-id={item.id}
      data-item-type={item.type}
      data-fallback=""
      className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="mb-2 font-medium text-red-900 dark:text-red-100">
        This {item.type.slice(0, 60)} item could not be displayed ({error instanceof Error ? error.message : 'unknown error'}). Its raw JSON:
      </p>
      <LongText text={toPrettyJson(item)} variant="code" />
    </article>
  );
}

const ItemView = memo(function ItemView(props: ItemViewProps) {
  return (
    <ErrorBoundary fallbackRender={({ error }: FallbackProps) => <BrokenItem item={props.item} error={error} />}>
      {createElement(rendererFor(props.item.type), props)}
    </ErrorBoundary>
  );
});

interface ItemListProps {
  items: readonly ConversationItem[];
  pairs: ToolPairs;
  highlightedId: string | null;
}

export function ItemList({ items, pairs, highlightedId }: ItemListProps) {
  return (
    <ol className="space-y-3" aria-label="Conversation items">
      {items.map((item) => (
        <li key={item.id}>
          <ItemView item={item} partner={partnerOf(item, pairs)} highlighted={item.id === highlightedId} />
        </li>
      ))}
    </ol>
  );
}
