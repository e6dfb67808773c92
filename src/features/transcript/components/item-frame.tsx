import { createContext, useContext, useState, type ReactNode } from 'react';
import { foldForSearch } from '../../../lib/search-fold';
import { useSearchNeedle } from '../search/search-query-context';
import { describeOpaque } from '../../../shared/items/token-labels';
import { TokenCountsContext } from '../data/use-run-summary';
import { CopyButton } from '../../../components/copy-button';
import { RovingToolbar } from '../../../components/roving-toolbar';
import { catalogEntry, collapsedByDefault } from '../../../shared/items/item-catalog';
import { itemText } from '../lib/item-text';
import { toPrettyJson } from '../lib/json-text';
import { itemSummaryLine } from '../../../shared/items/tool-summary';
import { revealBidi } from '../../../shared/markdown/link-spoofing';
import type { RoleStyle } from '../lib/roles';
import { useItemCollapse } from '../list/item-ui-store';
import type { ConversationItem } from '../types';
import { ImageScopeContext } from '../lib/remote-images';
import { JsonView } from './content/json-view';
import { StatusBadge } from './status-badge';
import { plural } from '../../../shared/format';

interface ItemFrameProps {
  item: ConversationItem;
  style: RoleStyle;
  /** Shown beside the badge, e.g. the tool name. */
  subtitle?: ReactNode;
  /** Shown after the subtitle while the item is collapsed: what it did, in one line. */
  summary?: ReactNode;
  /** Shown beside the status while the item is open: what the summary says of how a call went, so a failure still reads as one. */
  outcome?: ReactNode;
  /** The output shown in this row, whose tokens count with the row's. */
  pairedId?: string;
  /** Extra controls in the header, e.g. the Markdown switch. */
  controls?: ReactNode;
  highlighted: boolean;
  fallback?: boolean;
  children: ReactNode;
}

/** The link to an item of the transcript shown; a local file has none, so its items offer no Copy link. */
export const ItemUrlContext = createContext<((itemId: string) => string) | null>(null);

/**
 * The ID that ties a call and its answer (`call_id`, or an approval's `approval_request_id`), which the search reads;
 * undefined for an item that has none, or whose own ID is that key.
 */
function callIdOf(item: ConversationItem): string | undefined {
  const key = catalogEntry(item.type)?.pair?.key ?? 'call_id';
  const value = key === 'id' ? undefined : item[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function CallIdPanel({ callId, label }: { callId: string; label: string }) {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-2 py-1 dark:bg-zinc-800/70">
      <span data-search-skip="" className="text-xs text-zinc-600 dark:text-zinc-400">
        {label}
      </span>
      <code className="text-xs break-all text-zinc-700 dark:text-zinc-300">{callId}</code>
      <span data-search-skip="">
        <CopyButton text={callId} label={`Copy ${label}`} title={`Copy ${label} ${callId}`} />
      </span>
    </div>
  );
}

function IdPanel({ id }: { id: string | undefined }) {
  const itemUrl = useContext(ItemUrlContext);
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-2 py-1 dark:bg-zinc-800/70">
      {id ? (
        <>
          <code className="text-xs break-all text-zinc-700 dark:text-zinc-300">{id}</code>
          <CopyButton text={id} label="Copy ID" title={`Copy item ID ${id}`} />
          {itemUrl ? <CopyButton text={() => itemUrl(id)} label="Copy link" title="Copy a link to this item" /> : null}
        </>
      ) : (
        <span className="text-xs text-zinc-600 italic dark:text-zinc-400">This item has no ID (the API does not require one for its type).</span>
      )}
    </div>
  );
}

/** Hidden where a pointer can hover, until the row is hovered or focus is in it or on it (j and k focus the row). */
const ITEM_ACTIONS_HIDDEN = '[@media(hover:hover)]:opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 in-focus-visible:opacity-100 transition-opacity';

/** At least 24 px square where the pointer is a finger (WCAG's minimum target size); as small as its text elsewhere. */
export const toolButton =
  'pointer-coarse:inline-flex pointer-coarse:min-h-6 pointer-coarse:min-w-6 pointer-coarse:items-center pointer-coarse:justify-center rounded px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200/70 hover:text-zinc-900 aria-pressed:bg-zinc-800 aria-pressed:text-white dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-200 dark:aria-pressed:text-zinc-900';

/** The chrome every item shares: role or type, status, and on demand its ID, its JSON, copy and permalink. */
export function ItemFrame({ item, style, subtitle, summary, outcome, pairedId, controls, highlighted, fallback = false, children }: ItemFrameProps) {
  // Null until the reader chooses: then the ID shows while the search finds the item by it (see below).
  const [idChoice, setIdChoice] = useState<boolean | null>(null);
  const [showJson, setShowJson] = useState(false);
  // The search reads item IDs too: an item found by its ID (or the output shown in its row, by the output's) shows
  // it, so the match is marked where the reader looks.
  const needle = useSearchNeedle();
  const matches = (id: unknown) => needle !== '' && typeof id === 'string' && foldForSearch(id).includes(needle);
  const pairedMatches = matches(pairedId);
  // The call ID too, which a row shows only when asked: found by it, an item shows it.
  const callId = callIdOf(item);
  const showId = idChoice ?? (matches(item.id) || pairedMatches || matches(callId));
  const collapse = useItemCollapse(collapsedByDefault(item.type));
  const tokens = useContext(TokenCountsContext);
  // By the item itself: one without an ID, or one of two with the same ID, shows its own count.
  const ownTokens = tokens?.counts.byItem.get(item);
  const rowTokens = ownTokens === undefined ? undefined : ownTokens + (pairedId ? (tokens?.counts.byId.get(pairedId) ?? 0) : 0);
  // Images and ciphertext are not text to a tokenizer: their size shows in bytes beside the tokens.
  const opaque = tokens?.counts.opaqueByItem.get(item) ?? (pairedId ? tokens?.counts.opaqueById.get(pairedId) : undefined);
  // A folded row with a name beside its badge gives its summary a line of its own on a phone, where the three
  // side by side would squeeze the summary to a few letters a line.
  const twoLines = collapse.collapsed && Boolean(subtitle);
  const name = `${style.label}${typeof item.id === 'string' && item.id ? ` ${item.id}` : ''}`;
  return (
    <article
      data-item-id={item.id}
      data-item-type={item.type}
      data-fallback={fallback ? '' : undefined}
      data-role={typeof item.role === 'string' ? item.role : undefined}
      data-collapsed={collapse.collapsed ? '' : undefined}
      aria-label={item.type === 'message' ? `${style.label} message` : style.label}
      className={`transcript-item group rounded-xl border border-l-4 border-zinc-200 shadow-sm dark:border-t-zinc-800 dark:border-r-zinc-800 dark:border-b-zinc-800 ${collapse.collapsed ? 'px-3 py-1' : 'px-4 py-3'} ${style.card} ${highlighted ? 'item-highlight ring-2 ring-amber-400' : ''}`}
    >
      <header className={`${collapse.collapsed ? '' : 'mb-2'} flex items-center gap-x-2 gap-y-1 ${collapse.collapsed ? 'flex-nowrap' : 'flex-wrap'}`}>
        {/* On a phone an open row's title comes apart: the badge beside the actions, the rest on a line of its own below. */}
        {/* A click anywhere on the title expands or collapses; the keyboard has the chevron and Enter on the row. */}
        {/* oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
        <div
          onClick={collapse.toggle ?? undefined}
          className={`flex min-w-0 flex-1 items-center gap-x-2 gap-y-1 ${collapse.toggle ? 'cursor-pointer' : ''} ${collapse.collapsed ? (twoLines ? 'max-sm:flex-wrap' : '') : 'flex-wrap max-sm:contents'}`}
        >
          {/* On a phone an open row's badge gives way to the actions beside it: it wraps, rather than sending them to a line of their own. */}
          <span
            data-search-skip=""
            className={`shrink-0 rounded-md px-2 py-0.5 text-xs font-semibold tracking-wide ${collapse.collapsed ? '' : 'max-sm:max-w-max max-sm:flex-1 [overflow-wrap:anywhere]'} ${style.badge}`}
          >
            {style.label}
          </span>
          <span className={collapse.collapsed ? 'contents' : 'contents max-sm:order-2 max-sm:flex max-sm:w-full max-sm:flex-wrap max-sm:items-center max-sm:gap-x-2 max-sm:gap-y-1'}>
            {subtitle ? <span className="max-w-[45%] min-w-0 shrink-0 truncate text-sm font-medium text-zinc-800 max-sm:max-w-[60%] dark:text-zinc-200">{subtitle}</span> : null}
            {collapse.collapsed ? (
              // A tool row's own line is code, arguments or a query: set as a call's arguments are.
              <span data-row-summary="" className={`min-w-0 truncate ${summary === undefined && collapsedByDefault(item.type) ? 'font-mono text-xs' : 'text-sm'} text-zinc-700 dark:text-zinc-300 ${twoLines ? 'max-sm:order-last max-sm:basis-full' : ''}`}>{summary ?? revealBidi(itemSummaryLine(item))}</span>
            ) : null}
            <StatusBadge status={item.status} />
            {collapse.collapsed ? null : outcome}
            {rowTokens !== undefined && !collapse.collapsed ? (
              <span data-search-skip="" className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400" title="Estimated tokens (o200k_base); providers count differently">
                ≈ {plural(rowTokens, 'token')}
                {opaque ? ` + ${describeOpaque(opaque)}` : ''}
              </span>
            ) : null}
          </span>
        </div>
        <RovingToolbar label={`Actions for ${name}`} className="ml-auto flex shrink-0 flex-wrap items-center justify-end gap-0.5 max-sm:order-1">
          {/* Read as text first: the other actions show on hover and focus, and always where there is no hover (touch). */}
          <span className={`flex flex-wrap items-center justify-end gap-0.5 ${highlighted ? '' : ITEM_ACTIONS_HIDDEN}`} data-item-actions="" data-search-skip="">
            {collapse.collapsed ? null : (
              <>
                {controls}
                <CopyButton text={() => itemText(item)} label="Copy" title="Copy this item's text" variant="quiet" className={toolButton} />
                <CopyButton text={() => toPrettyJson(item)} label="Copy JSON" title="Copy this item as JSON" variant="quiet" narrowHidden className={`${toolButton} max-sm:hidden!`} />
                <button type="button" onClick={() => setShowJson((value) => !value)} aria-pressed={showJson} aria-label="Raw JSON" title="Show this item's raw JSON" className={`${toolButton} font-mono`}>
                  {'{ }'}
                </button>
                <button type="button" onClick={() => setIdChoice(!showId)} aria-pressed={showId} aria-label="Item ID" title={callId ? "Show this item's ID and call ID" : "Show this item's ID"} className={`${toolButton} font-mono`}>
                  ID
                </button>
              </>
            )}
            {item.id ? (
              <a
                href={`#${encodeURIComponent(item.id)}`}
                title="Link to this item"
                aria-label={`Link to item ${item.id}`}
                data-narrow-hidden={collapse.collapsed ? '' : undefined}
                className={`${toolButton} font-mono ${collapse.collapsed ? 'max-sm:hidden!' : ''}`}
              >
                #
              </a>
            ) : null}
          </span>
          {collapse.toggle ? (
            <button
              type="button"
              onClick={collapse.toggle}
              aria-expanded={!collapse.collapsed}
              aria-label={collapse.collapsed ? 'Expand' : 'Collapse'}
              title={collapse.collapsed ? 'Expand this item (Enter)' : 'Collapse this item (Enter)'}
              className={`${toolButton} w-6 text-center`}
            >
              <span aria-hidden="true" className={`inline-block transition-transform ${collapse.collapsed ? '-rotate-90' : ''}`}>▾</span>
            </button>
          ) : null}
        </RovingToolbar>
      </header>
      {showId && !collapse.collapsed ? <IdPanel id={item.id} /> : null}
      {showId && pairedMatches && !collapse.collapsed ? <IdPanel id={pairedId} /> : null}
      {showId && callId && !collapse.collapsed ? <CallIdPanel callId={callId} label={item.type === 'mcp_approval_response' ? 'request ID' : 'call ID'} /> : null}
      {collapse.collapsed ? null : <ImageScopeContext value={item.id ?? null}>{children}</ImageScopeContext>}
      {showJson && !collapse.collapsed ? (
        <div className="mt-3">
          <JsonView value={item} label={`Raw JSON of ${item.id ?? `this ${item.type}`}`} />
        </div>
      ) : null}
    </article>
  );
}
