import { useState, type ReactNode } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { itemText } from '../lib/item-text';
import { useItemCollapse } from '../list/item-ui-store';
import { toPrettyJson } from '../lib/json-text';
import type { RoleStyle } from '../lib/roles';
import type { ConversationItem } from '../types';
import { ImageScopeContext } from '../lib/remote-images';
import { JsonTree } from './content/json-tree';
import { StatusBadge } from './status-badge';

interface ItemFrameProps {
  item: ConversationItem;
  style: RoleStyle;
  /** Shown beside the badge, e.g. the tool name. */
  subtitle?: ReactNode;
  /** Extra controls in the header, e.g. the Markdown switch. */
  controls?: ReactNode;
  highlighted: boolean;
  fallback?: boolean;
  children: ReactNode;
}

function permalink(itemId: string): string {
  const url = new URL(window.location.href);
  url.hash = itemId;
  return url.toString();
}

const toolButton =
  'rounded px-1.5 py-0.5 text-xs text-zinc-500 hover:bg-zinc-200/70 hover:text-zinc-800 aria-pressed:bg-zinc-200 aria-pressed:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-800 dark:aria-pressed:text-zinc-100';

/** The chrome every item shares: role or type, status, and on demand its ID, its JSON, copy and permalink. */
export function ItemFrame({ item, style, subtitle, controls, highlighted, fallback = false, children }: ItemFrameProps) {
  const [showId, setShowId] = useState(false);
  const [showJson, setShowJson] = useState(false);
  const collapse = useItemCollapse();
  return (
    <article
      data-item-id={item.id}
      data-item-type={item.type}
      data-fallback={fallback ? '' : undefined}
      data-role={typeof item.role === 'string' ? item.role : undefined}
      data-collapsed={collapse.collapsed ? '' : undefined}
      aria-label={`${style.label} ${item.type}`}
      className={`transcript-item group scroll-mt-24 rounded-xl border border-l-4 border-zinc-200 px-4 py-3 shadow-sm dark:border-t-zinc-800 dark:border-r-zinc-800 dark:border-b-zinc-800 ${style.card} ${highlighted ? 'item-highlight ring-2 ring-amber-400' : ''}`}
    >
      <header className={`${collapse.collapsed ? '' : 'mb-2'} flex flex-wrap items-center gap-x-2 gap-y-1`}>
        {collapse.toggle ? (
          <button
            type="button"
            onClick={collapse.toggle}
            aria-expanded={!collapse.collapsed}
            title={collapse.collapsed ? 'Expand this item (Enter)' : 'Collapse this item (Enter)'}
            className={`${toolButton} -ml-1.5 w-5 text-center`}
          >
            <span aria-hidden="true" className={`inline-block transition-transform ${collapse.collapsed ? '-rotate-90' : ''}`}>▾</span>
            <span className="sr-only">{collapse.collapsed ? 'Expand' : 'Collapse'}</span>
          </button>
        ) : null}
        <span className={`rounded-md px-2 py-0.5 text-xs font-semibold tracking-wide ${style.badge}`}>{style.label}</span>
        {subtitle ? <span className="min-w-0 truncate text-sm font-medium text-zinc-700 dark:text-zinc-300">{subtitle}</span> : null}
        <StatusBadge status={item.status} />
        <span className="ml-auto flex flex-wrap items-center gap-0.5 opacity-80 transition-opacity group-hover:opacity-100 focus-within:opacity-100">
          {controls}
          <CopyButton text={() => itemText(item)} label="Copy" title="Copy this item's text" variant="quiet" />
          <CopyButton text={() => toPrettyJson(item)} label="Copy JSON" title="Copy this item as JSON" variant="quiet" />
          <button type="button" onClick={() => setShowJson((value) => !value)} aria-pressed={showJson} className={`${toolButton} font-mono`}>
            {'{ }'}
            <span className="sr-only">Raw JSON</span>
          </button>
          <button type="button" onClick={() => setShowId((value) => !value)} aria-pressed={showId} className={`${toolButton} font-mono`}>
            ID
          </button>
          <a href={`#${encodeURIComponent(item.id)}`} title="Link to this item" aria-label={`Link to item ${item.id}`} className={`${toolButton} font-mono`}>
            #
          </a>
        </span>
      </header>
      {showId && !collapse.collapsed ? (
        <div className="mb-2 flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-2 py-1 dark:bg-zinc-800/70">
          <code className="text-xs break-all text-zinc-700 dark:text-zinc-300">{item.id}</code>
          <CopyButton text={item.id} label="Copy ID" title={`Copy item ID ${item.id}`} />
          <CopyButton text={() => permalink(item.id)} label="Copy link" title="Copy a link to this item" />
        </div>
      ) : null}
      {collapse.collapsed ? null : <ImageScopeContext value={item.id}>{children}</ImageScopeContext>}
      {showJson && !collapse.collapsed ? (
        <div className="mt-3">
          <JsonTree value={item} label={`Raw JSON of ${item.id}`} />
        </div>
      ) : null}
    </article>
  );
}
