import { useState, type ReactNode } from 'react';
import { CopyButton } from '../../../components/copy-button';
import type { RoleStyle } from '../lib/roles';
import type { ConversationItem } from '../types';
import { StatusBadge } from './status-badge';

interface ItemFrameProps {
  item: ConversationItem;
  style: RoleStyle;
  /** Shown beside the badge, e.g. the tool name. */
  subtitle?: ReactNode;
  highlighted: boolean;
  fallback?: boolean;
  children: ReactNode;
}

function permalink(itemId: string): string {
  const url = new URL(window.location.href);
  url.hash = itemId;
  return url.toString();
}

/** The chrome every item shares: role or type, status, its ID on demand and a permalink. */
export function ItemFrame({ item, style, subtitle, highlighted, fallback = false, children }: ItemFrameProps) {
  const [showId, setShowId] = useState(false);
  return (
    <article
      data-item-id={item.id}
      data-item-type={item.type}
      data-fallback={fallback ? '' : undefined}
      data-role={typeof item.role === 'string' ? item.role : undefined}
      aria-label={`${style.label} ${item.type}`}
      className={`transcript-item group scroll-mt-24 rounded-xl border border-l-4 border-zinc-200 px-4 py-3 shadow-sm dark:border-t-zinc-800 dark:border-r-zinc-800 dark:border-b-zinc-800 ${style.card} ${highlighted ? 'item-highlight ring-2 ring-amber-400' : ''}`}
    >
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <span className={`rounded-md px-2 py-0.5 text-xs font-semibold tracking-wide ${style.badge}`}>{style.label}</span>
        {subtitle ? <span className="min-w-0 truncate text-sm font-medium text-zinc-700 dark:text-zinc-300">{subtitle}</span> : null}
        <StatusBadge status={item.status} />
        <span className="ml-auto flex items-center gap-1 opacity-70 transition-opacity group-hover:opacity-100 focus-within:opacity-100">
          <button
            type="button"
            onClick={() => setShowId((value) => !value)}
            aria-expanded={showId}
            className="rounded px-1.5 py-0.5 font-mono text-xs text-zinc-500 hover:bg-zinc-200/70 hover:text-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            ID
          </button>
          <a
            href={`#${encodeURIComponent(item.id)}`}
            title="Link to this item"
            aria-label={`Link to item ${item.id}`}
            className="rounded px-1.5 py-0.5 font-mono text-xs text-zinc-500 hover:bg-zinc-200/70 hover:text-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            #
          </a>
        </span>
      </header>
      {showId ? (
        <div className="mb-2 flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-2 py-1 dark:bg-zinc-800/70">
          <code className="break-all text-xs text-zinc-700 dark:text-zinc-300">{item.id}</code>
          <CopyButton text={item.id} label="Copy ID" title={`Copy item ID ${item.id}`} />
          <CopyButton text={() => permalink(item.id)} label="Copy link" title="Copy a link to this item" />
        </div>
      ) : null}
      {children}
    </article>
  );
}
