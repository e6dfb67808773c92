import { CopyButton } from '../../../components/copy-button';
import { ShortenedId } from '../../../components/shortened-id';
import { formatCreatedAt } from '../lib/format-created-at';
import { toPrettyJson } from '../lib/json-text';
import type { Conversation } from '../types';
import { formatCount } from '../../../shared/format';

interface ConversationHeaderProps {
  conversationId: string;
  sourceLabel: string;
  conversation: Conversation | undefined;
  /** Null until the first page has loaded. */
  itemCount: number | null;
  complete: boolean;
  /** Items that repeat an earlier item's ID: all are shown, and the count says so. */
  duplicates?: number;
  /** Items still shown, marked, that the conversation no longer holds. */
  removed?: number;
  /** False when the heading is a stand-in (a file's name, "Pasted JSON"), which has no ID to copy. */
  hasId?: boolean;
}

function itemCountText(count: number | null, complete: boolean, duplicates: number, removed: number): string {
  if (count === null) return '—';
  const items = `${formatCount(count)} item${count === 1 ? '' : 's'}`;
  const notes = [
    duplicates > 0 ? `${formatCount(duplicates)} with a repeated ID` : '',
    removed > 0 ? `${formatCount(removed)} removed since loaded` : '',
  ].filter(Boolean);
  const noted = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return complete ? `${items}${noted}` : `${items} loaded so far${noted}`;
}

export function ConversationHeader({ conversationId, sourceLabel, conversation, itemCount, complete, duplicates = 0, removed = 0, hasId = true }: ConversationHeaderProps) {
  const created = formatCreatedAt(conversation?.created_at);
  const metadata = Object.entries(conversation?.metadata ?? {});
  return (
    <section aria-label="Conversation details" className="space-y-3">
      {hasId ? (
        <div className="flex items-center gap-2">
          <h1 className="min-w-0 truncate font-mono text-lg font-semibold sm:text-xl" data-testid="conversation-id" title={conversationId}>
            <ShortenedId id={conversationId} />
          </h1>
          <CopyButton text={conversationId} label="Copy ID" title="Copy the conversation ID" className="shrink-0" />
        </div>
      ) : (
        <h1 className="min-w-0 break-words font-mono text-lg font-semibold sm:text-xl" data-testid="conversation-id">
          {conversationId}
        </h1>
      )}
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <div className="flex gap-1.5">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Source</dt>
          <dd data-testid="conversation-source">{sourceLabel}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Created</dt>
          <dd>{created ? <time dateTime={created.iso} title={created.iso}>{created.local}</time> : conversation ? 'unknown' : '—'}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Items</dt>
          <dd data-testid="item-count">{itemCountText(itemCount, complete, duplicates, removed)}</dd>
        </div>
      </dl>
      {metadata.length > 0 ? (
        <ul aria-label="Metadata" className="flex flex-wrap gap-1.5">
          {metadata.map(([key, value]) => (
            <li
              key={key}
              className="max-w-full truncate rounded-md border border-zinc-200 bg-zinc-50 px-2 py-0.5 font-mono text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
              title={`${key}: ${typeof value === 'string' ? value : toPrettyJson(value)}`}
            >
              <span className="text-zinc-600 dark:text-zinc-400">{key}</span> = {typeof value === 'string' ? value : toPrettyJson(value)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
