import type { ConversationItem } from '../types';
import { type ReactNode, startTransition, useEffect, useId, useMemo, useRef, useState } from 'react';
import { announce } from '../../../components/announcer';
import { ErrorPanel } from '../../../components/error-panel';
import { copyText } from '../../../lib/copy-text';
import { describeApiError, type ErrorDescription } from '../../../lib/describe-api-error';
import { rememberConversation } from '../../../lib/recent-conversations';
import { TokenCountsContext, useRunSummary, useTokenCounts } from '../data/use-run-summary';
import { useTranscript, type TranscriptOrigin } from '../data/use-transcript';
import { ShortcutsDialog } from '../keyboard/shortcuts-dialog';
import { useTranscriptKeys } from '../keyboard/use-transcript-keys';
import { collapsedByDefault } from '../../../shared/items/item-catalog';
import type { ItemKind } from '../lib/item-filter';
import { createItemUiStore, ItemUiStoreContext } from '../list/item-ui-store';
import { PositionIndicator } from '../list/position-indicator';
import { TranscriptIndex } from '../data/transcript-index';
import { exportPath } from '../api/export-path';
import { exportInBrowser } from '../lib/export-file';
import { TranscriptList, type TranscriptListHandle } from '../list/transcript-list';
import { useCompactMode } from '../list/use-compact-mode';
import { useDeepLink } from '../list/use-deep-link';
import { useTurns } from '../list/use-turns';
import { TranscriptOverview, useVisibleRange } from '../list/transcript-overview';
import { buildViewRows } from '../list/view-rows';
import { SearchQueryContext } from '../search/search-query-context';
import { TranscriptSearchBar } from '../search/transcript-search-bar';
import { useMatchHighlights } from '../search/use-match-highlights';
import { useTranscriptSearch } from '../search/use-transcript-search';
import type { ItemOrder } from '../types';
import { LiveSwitch } from '../live/live-switch';
import { NewItemsPill } from '../live/new-items-pill';
import { useUnseenItems } from '../live/use-unseen-items';
import { ConversationHeader } from './conversation-header';
import { ItemUrlContext } from './item-frame';
import { LoadProgress } from './load-progress';
import { RunSummaryPanel } from './run-summary-panel';
import { TranscriptSkeleton } from './transcript-skeleton';
import { TranscriptToolbar } from './transcript-toolbar';
import { OtherSources, SkipToTranscript, ViewControls } from './view-controls';

export interface TranscriptView {
  order: ItemOrder;
  query: string;
  hidden: ReadonlySet<ItemKind>;
}

interface TranscriptPageProps {
  origin: TranscriptOrigin;
  sourceLabel: string;
  view: TranscriptView;
  onViewChange: (view: Partial<TranscriptView>) => void;
  anchorItemId: string | null;
  /** The link to this transcript; a local file has none. */
  shareUrl?: () => string;
  /** The link to one item of this transcript; a local file has none. */
  itemUrl?: (itemId: string) => string;
  /** The other configured sources, offered when this one has no key. */
  otherSources?: readonly { id: string; label: string }[];
  /** More toolbar actions, such as sharing a snapshot; a function gets the items loaded so far. */
  toolbarExtras?: ReactNode | ((loadedItems: () => readonly ConversationItem[]) => ReactNode);
}

function laterPageError(description: ErrorDescription, loaded: number): ErrorDescription {
  return { ...description, title: `Loading stopped after ${loaded.toLocaleString('en')} items: ${description.title.toLowerCase()}` };
}

function retryingError(description: ErrorDescription, attempt: number): ErrorDescription {
  return { ...description, hint: `${description.hint} Retrying automatically (attempt ${attempt})…` };
}

const NO_IDS: readonly string[] = [];

function useStickyHeight() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  // Whether the bar has reached the top of the screen, so the page has scrolled into the list.
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    const check = () => setStuck((ref.current?.getBoundingClientRect().top ?? 1) <= 0.5 && window.scrollY > 0);
    check();
    window.addEventListener('scroll', check, { passive: true });
    return () => window.removeEventListener('scroll', check);
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.getBoundingClientRect().height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Whatever takes focus (Tab, Shift+Tab, a jump) scrolls clear of the sticky toolbar above and the position pill below.
  useEffect(() => {
    const root = document.documentElement.style;
    root.scrollPaddingTop = `${Math.ceil(height) + 8}px`;
    root.scrollPaddingBottom = '4.5rem';
    return () => {
      root.scrollPaddingTop = '';
      root.scrollPaddingBottom = '';
    };
  }, [height]);
  return { ref, height, stuck };
}

export function TranscriptPage({ origin, sourceLabel, view, onViewChange, anchorItemId, shareUrl, itemUrl, otherSources = [], toolbarExtras }: TranscriptPageProps) {
  const { conversationId } = origin;
  const transcript = useTranscript(origin);
  const { index, version, load } = transcript;
  const [compact, setCompact] = useCompactMode();
  const [store] = useState(() => createItemUiStore(compact));
  const [query, setQuery] = useState(view.query);
  const [topView, setTopView] = useState<number | null>(null);
  const [visible, setVisible] = useVisibleRange();
  const [atNewest, setAtNewest] = useState(true);
  const [atBottom, setAtBottom] = useState(false);
  const unseen = useUnseenItems(index.live.length, atNewest);
  const [helpOpen, setHelpOpen] = useState(false);
  const listHandle = useRef<TranscriptListHandle>(null);
  const listContainer = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const sticky = useStickyHeight();
  // On a phone the sticky bar is one row, the search; the other controls fold behind a button.
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();

  const runSummary = useRunSummary(index, version, transcript.conversation);
  const tokens = useTokenCounts(index, version);
  const turns = useTurns(index, version, runSummary.turnRows, tokens, compact);
  const [failuresOnly, setFailuresOnly] = useState(false);
  const failureSet = useMemo(() => (failuresOnly ? new Set(runSummary.failureRows) : null), [failuresOnly, runSummary.failureRows]);
  // Items the reader asked for (a failure, a linked item) that the filter would hide: shown until the filter changes.
  // Kept by ID, since the rows of the tail move as the head loads.
  const filterKey = [...view.hidden].sort().join(',');
  const [revealedFor, setRevealedFor] = useState<{ filter: string; ids: readonly string[] }>({ filter: '', ids: [] });
  const revealedIds = revealedFor.filter === filterKey ? revealedFor.ids : NO_IDS;
  const revealed = useMemo(
    () => new Set(revealedIds.map((id) => index.rowOfId(id)).filter((row) => row !== null)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [revealedIds, index, version],
  );
  const reveal = (row: number) => {
    const slot = index.slotAt(row);
    const id = slot ? index.itemAt(slot).id : undefined;
    if (typeof id === 'string' && id) setRevealedFor({ filter: filterKey, ids: [...revealedIds, id] });
  };
  const rows = useMemo(
    () => buildViewRows(index, view.order, view.hidden, turns.collapsedTurns, { reveal: revealed, only: failureSet }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, version, view.order, view.hidden, turns.collapsedTurns, revealed, failureSet],
  );
  const search = useTranscriptSearch(index, version, rows, query, tokens.textIndex);
  useEffect(() => store.setCompact(compact), [store, compact]);
  const anchor = useDeepLink(anchorItemId, index, version, rows, listHandle);

  // A linked item opens expanded (an output's link opens its call's row, where it is shown), even where the filter hides its kind.
  const anchorRow = anchor.kind === 'found' ? anchor.row : null;
  const openedAnchor = useRef<string | null>(null);
  useEffect(() => {
    if (anchorRow === null || !anchorItemId || openedAnchor.current === anchorItemId) return;
    openedAnchor.current = anchorItemId;
    const slot = index.slotAt(anchorRow);
    if (slot) store.setCollapsed(TranscriptIndex.keyOf(slot), false);
    if (rows.viewIndexOf(anchorRow) === null) reveal(anchorRow);
  });

  // A jump to a row that was not shown yet lands once the rows include it.
  const [pendingJump, setPendingJump] = useState<number | null>(null);
  useEffect(() => {
    if (pendingJump === null) return;
    const target = rows.viewIndexOf(pendingJump);
    if (target === null) return;
    setPendingJump(null);
    listHandle.current?.scrollToView(target, { align: 'center', focus: true });
  }, [pendingJump, rows]);
  useMatchHighlights(listContainer, search.query, search.currentRow, transcript.status.kind === 'data');

  // The search text goes into the URL once typing pauses, so a link shares the filtered view.
  useEffect(() => {
    if (query === view.query) return;
    const timer = setTimeout(() => onViewChange({ query }), 400);
    return () => clearTimeout(timer);
  }, [query, view.query, onViewChange]);

  // Typing makes the first match at or below the reader's place current and brings it into view, as a browser's find does.
  const lastJumped = useRef('');
  useEffect(() => {
    if (!search.query.trim() || search.query === lastJumped.current || search.matches.length === 0) return;
    lastJumped.current = search.query;
    const target = search.start(topView);
    if (target !== null) listHandle.current?.scrollToView(target, { align: 'center' });
    // `search.start` is new each render; this runs when the query's matches arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.query, search.matches, topView]);

  // A new order starts at its top, as a newly opened transcript does.
  const shownOrder = useRef(view.order);
  useEffect(() => {
    if (shownOrder.current === view.order) return;
    shownOrder.current = view.order;
    listHandle.current?.scrollToView(0, { align: 'start' });
  }, [view.order]);

  const hasItems = transcript.hasItems;
  const title = runSummary.title;
  const rememberedSource = origin.kind === 'api' ? origin.source : null;
  useEffect(() => {
    if (hasItems && rememberedSource) rememberConversation({ conversationId, source: rememberedSource, openedAt: Date.now(), ...(title ? { title } : {}) });
  }, [hasItems, conversationId, rememberedSource, title]);

  const jumpToRow = (row: number) => {
    const target = rows.viewIndexOf(row);
    store.setCollapsed(TranscriptIndex.keyOf(index.slotAt(row)), false);
    if (target === null) {
      reveal(row);
      setPendingJump(row);
      return;
    }
    listHandle.current?.scrollToView(target, { align: 'center', focus: true });
  };

  const stepMatch = (direction: 1 | -1) => {
    const target = search.step(direction, topView);
    if (target === null) return;
    store.setCollapsed(TranscriptIndex.keyOf(index.slotAt(rows.rowAt(target))), false);
    listHandle.current?.scrollToView(target, { align: 'center' });
  };

  const focusedView = () => {
    const active = document.activeElement;
    return active instanceof HTMLElement && active.hasAttribute('data-view-index') ? Number(active.dataset.viewIndex) : null;
  };

  useTranscriptKeys((action) => {
    // Quick presses count from where the last one was headed, even before that row has rendered and taken focus.
    const focused = listHandle.current?.pendingFocusIndex() ?? focusedView();
    switch (action) {
      case 'next-item':
      case 'previous-item': {
        const from = focused ?? (action === 'next-item' ? (topView ?? 0) - 1 : (topView ?? 0) + 1);
        let next = from + (action === 'next-item' ? 1 : -1);
        // The gap row is not an item; step over it.
        if (next >= 0 && next < rows.count && index.slotAt(rows.rowAt(next)) === null) next += action === 'next-item' ? 1 : -1;
        listHandle.current?.scrollToView(Math.max(0, Math.min(rows.count - 1, next)), { focus: true });
        break;
      }
      case 'find':
      case 'focus-search':
        searchInput.current?.focus();
        searchInput.current?.select();
        break;
      case 'toggle-item':
        if (focused !== null) {
          const slot = index.slotAt(rows.rowAt(focused));
          if (slot) store.toggle(TranscriptIndex.keyOf(slot), collapsedByDefault(index.itemAt(slot).type));
        }
        break;
      case 'copy-link': {
        if (!itemUrl) {
          announce('A file read in this browser has no link to copy', { visible: true });
          break;
        }
        const slot = focused === null ? null : index.slotAt(rows.rowAt(focused));
        const id = slot ? index.itemAt(slot).id : null;
        if (typeof id === 'string' && id) void copyText(itemUrl(id)).then((copied) => announce(copied ? 'Copied a link to this item' : 'Copy failed', { visible: true }));
        else announce('Move to an item first (j or k) to copy its link', { visible: true });
        break;
      }
      case 'show-help':
        setHelpOpen(true);
        break;
    }
  });

  const errorContext = { conversationId, sourceLabel };
  const highlightedRows = useMemo(() => {
    const set = new Set<number>();
    if (anchor.kind === 'found' && anchor.row !== null) set.add(anchor.row);
    if (search.currentRow !== null) set.add(search.currentRow);
    return set;
  }, [anchor, search.currentRow]);

  const toggleKind = (kind: ItemKind) => {
    const hidden = new Set(view.hidden);
    if (!hidden.delete(kind)) hidden.add(kind);
    onViewChange({ hidden });
  };

  const { status } = transcript;
  const searchShown = hasItems && index.itemCount > 0;
  // At the very bottom the last row is where the reader is, though it does not reach the top of the screen.
  const topRow = atBottom && rows.count > 0 ? rows.rowAt(rows.count - 1) : topView === null || topView >= rows.count ? null : rows.rowAt(topView);
  const shownCount = rows.count + rows.folded - (index.gapRow !== null && rows.viewIndexOf(index.gapRow) !== null ? 1 : 0);

  return (
    <ItemUiStoreContext.Provider value={store}>
      <TokenCountsContext.Provider value={tokens}>
      <SearchQueryContext.Provider value={search.query.trim().toLowerCase()}>
      <ItemUrlContext value={itemUrl ?? null}>
        <div className="space-y-5">
          <SkipToTranscript />
          <ConversationHeader
            conversationId={conversationId}
            sourceLabel={sourceLabel}
            conversation={transcript.conversation}
            itemCount={hasItems ? index.itemCount : null}
            complete={index.complete}
            duplicates={index.duplicates}
            removed={index.removedCount}
          />

          {hasItems && index.itemCount > 0 ? (
            <RunSummaryPanel view={runSummary} counts={index.counts} tokens={tokens} onJump={jumpToRow} failuresOnly={failuresOnly} onFailuresOnly={setFailuresOnly} />
          ) : null}

          {status.kind === 'error' && !hasItems ? null : (
          <div ref={sticky.ref} className="sticky top-0 z-20 -mx-4 flex flex-col gap-2 border-b border-zinc-200 bg-white px-4 py-2 dark:border-zinc-800 dark:bg-zinc-950">
            <div id={moreId} className={`max-sm:order-last ${searchShown && !moreOpen ? 'max-sm:hidden' : ''}`}>
            <TranscriptToolbar
              order={view.order}
              onOrderChange={(order) => onViewChange({ order })}
              shareUrl={shareUrl}
              exportUrl={(format) => {
                // What the page holds in full is formatted here; otherwise the server reads it all (and a snapshot's
                // export carries its banner facts).
                const server = origin.kind === 'api' && index.complete ? null : exportPath(origin, format);
                const source = { id: origin.kind === 'api' ? origin.source : null, label: sourceLabel };
                const items = () => index.orderedItems();
                return server ?? (() => exportInBrowser(format, conversationId, transcript.conversation ?? { id: conversationId }, items(), source));
              }}
              extras={typeof toolbarExtras === 'function' ? toolbarExtras(() => index.orderedItems()) : toolbarExtras}
              onShowShortcuts={() => setHelpOpen(true)}
              viewControls={hasItems ? <ViewControls store={store} compact={compact} onCompactChange={setCompact} /> : null}
              live={transcript.live ? <LiveSwitch live={transcript.live} /> : undefined}
            />
            </div>
            {searchShown ? (
              <TranscriptSearchBar
                counts={index.counts.byKind}
                hidden={view.hidden}
                onToggleKind={toggleKind}
                query={query}
                onQuery={setQuery}
                matchCount={search.matches.length}
                currentOrdinal={search.currentOrdinal}
                pending={query !== search.query}
                onStep={stepMatch}
                inputRef={searchInput}
                more={{ id: moreId, open: moreOpen, onToggle: () => setMoreOpen((open) => !open) }}
              />
            ) : null}
          </div>
          )}

          {hasItems && transcript.conversationError ? (
            <ErrorPanel compact description={describeApiError(transcript.conversationError, errorContext)} onRetry={transcript.retryConversation} />
          ) : null}

          {anchor.kind === 'searching' ? (
            <output className="block rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
              Looking for item <code className="font-mono">{anchor.itemId}</code>: it has not loaded yet.
            </output>
          ) : null}
          {anchor.kind === 'missing' ? (
            <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
              Item <code className="font-mono">{anchor.itemId}</code> is not in this conversation.
            </p>
          ) : null}

          {failuresOnly && hasItems ? (
            <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="filter-summary">
              Showing only the {runSummary.failureRows.length.toLocaleString('en')} failed or incomplete items of {index.itemCount.toLocaleString('en')} loaded.
              <button type="button" onClick={() => setFailuresOnly(false)} className="rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800">
                Show everything
              </button>
            </p>
          ) : shownCount !== index.itemCount && hasItems ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="filter-summary">
              Showing {shownCount.toLocaleString('en')} of {index.itemCount.toLocaleString('en')} loaded items
              {revealed.size > 0 ? `, including ${revealed.size === 1 ? 'one item' : `${revealed.size.toLocaleString('en')} items`} the filter hides, shown because you asked for it` : ''}.
            </p>
          ) : null}

          {status.kind === 'data' ? (
            index.itemCount > 0 || !index.complete ? (
              <div ref={listContainer} id="transcript-items" tabIndex={-1} className="outline-none">
                <TranscriptList
                  index={index}
                  version={version}
                  rows={rows}
                  load={load}
                  highlightedRows={highlightedRows}
                  stickyOffset={sticky.height}
                  onTopChange={(viewIndex) => {
                    const nowAtNewest = listHandle.current?.atNewestEnd() ?? true;
                    const nowAtBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
                    // The virtualiser reports from inside its scroll handler; the page's own update can wait.
                    startTransition(() => {
                      setTopView(viewIndex);
                      setAtNewest(nowAtNewest);
                      setAtBottom(nowAtBottom);
                    });
                  }}
                  onVisibleChange={(range) => startTransition(() => setVisible(range))}
                  handle={listHandle}
                  followNewest={transcript.live?.on ?? false}
                  compact={compact}
                  turns={turns.headers}
                />
              </div>
            ) : (
              <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">This conversation has no items.</p>
            )
          ) : status.kind === 'error' ? (
            <ErrorPanel description={describeApiError(status.error, errorContext)} onRetry={load.resume} retrying={load.state === 'loading'} actions={<OtherSources error={status.error} sources={otherSources} />} />
          ) : status.kind === 'retrying' ? (
            <ErrorPanel description={retryingError(describeApiError(status.error, errorContext), status.attempt)} />
          ) : (
            <TranscriptSkeleton />
          )}

          {hasItems && load.error ? (
            <ErrorPanel
              compact
              description={
                load.retrying
                  ? retryingError(describeApiError(load.error, errorContext), 2)
                  : laterPageError(describeApiError(load.error, errorContext), index.itemCount)
              }
              onRetry={load.retrying ? undefined : load.resume}
            />
          ) : null}

          {hasItems ? (
            <div className="pointer-events-none sticky bottom-3 z-20 flex flex-wrap items-end justify-between gap-2">
              <div className="pointer-events-auto">
                {load.state === 'loading' || load.state === 'stopped' ? (
                  <LoadProgress loaded={index.itemCount} loading={load.state === 'loading'} paused={load.state === 'stopped'} onPause={origin.kind === 'file' ? undefined : load.stop} onResume={load.resume} />
                ) : null}
              </div>
              {index.itemCount > 0 ? (
                // On a phone the pill waits until the page has scrolled into the list, so it never covers the controls above it.
                <div className={`pointer-events-auto ml-auto flex items-center gap-2 ${sticky.stuck ? '' : 'max-sm:hidden'}`}>
                  <NewItemsPill
                    count={unseen.unseen}
                    newestOnTop={view.order === 'desc'}
                    onClick={() => {
                      unseen.markSeen();
                      listHandle.current?.scrollToNewest();
                    }}
                  />
                  <PositionIndicator
                    index={index}
                    topRow={topRow}
                    onTop={() => listHandle.current?.scrollToView(0, { align: 'start' })}
                    onEnd={() => listHandle.current?.scrollToView(rows.count - 1, { align: 'end' })}
                  />
                </div>
              ) : null}
            </div>
          ) : null}
          {hasItems && index.itemCount > 0 ? (
          <TranscriptOverview
            rows={rows}
            turnRows={runSummary.turnRows}
            failureRows={runSummary.failureRows}
            matches={search.matches}
            visible={visible}
            top={sticky.height}
            onJump={(target) => listHandle.current?.scrollToView(target, { align: 'start' })}
          />
        ) : null}
        <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        </div>
      </ItemUrlContext>
      </SearchQueryContext.Provider>
      </TokenCountsContext.Provider>
    </ItemUiStoreContext.Provider>
  );
}
