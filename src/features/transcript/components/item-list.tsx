import { createElement, memo } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { itemKey } from '../lib/item-key';
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

/** Items are rendered in blocks so that loading another page re-renders only the blocks that changed. */
const CHUNK_SIZE = 100;

interface ChunkProps {
  items: readonly ConversationItem[];
  partners: readonly (ConversationItem | undefined)[];
  highlightedId: string | null;
}

function sameEntries<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

const Chunk = memo(
  function Chunk({ items, partners, highlightedId }: ChunkProps) {
    return items.map((item, index) => (
      <li key={itemKey(item, index)}>
        <ItemView item={item} partner={partners[index]} highlighted={item.id === highlightedId} />
      </li>
    ));
  },
  (before, after) =>
    before.highlightedId === after.highlightedId && sameEntries(before.items, after.items) && sameEntries(before.partners, after.partners),
);

interface ItemListProps {
  items: readonly ConversationItem[];
  pairs: ToolPairs;
  highlightedId: string | null;
}

export function ItemList({ items, pairs, highlightedId }: ItemListProps) {
  const chunks: ChunkProps[] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) {
    const slice = items.slice(start, start + CHUNK_SIZE);
    chunks.push({
      items: slice,
      partners: slice.map((item) => partnerOf(item, pairs)),
      highlightedId: highlightedId !== null && slice.some((item) => item.id === highlightedId) ? highlightedId : null,
    });
  }
  return (
    <ol className="space-y-3" aria-label="Conversation items">
      {chunks.map((chunk, index) => (
        <Chunk key={index} {...chunk} />
      ))}
    </ol>
  );
}
