import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiErrorPanel } from '../../../components/error-panel';
import { foldForSearch } from '../../../lib/search-fold';
import { rememberConversation } from '../../../lib/recent-conversations';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDescriberWhenIdle } from '../../../lib/use-error-description';
import { TokenCountsContext } from '../data/use-run-summary';
import type { TranscriptOrigin } from '../data/use-transcript';
import { useTranscriptView } from '../data/use-transcript-view';
import { exportInBrowser } from '../export/export-in-browser';
import { exportPath, itemsToExport } from '../export/export-path';
import { LazyShortcutsDialog } from '../keyboard/lazy-shortcuts-dialog';
import { useTranscriptKeyActions } from '../keyboard/use-transcript-key-actions';
import type { ItemKind } from '../lib/item-filter';
import { LiveSwitch } from '../live/live-switch';
import { liveTrouble } from '../live/live-status';
import { useUnseenItems } from '../live/use-unseen-items';
import { createItemUiStore, ItemUiStoreContext } from '../list/item-ui-store';
import { TranscriptList, type TranscriptListHandle } from '../list/transcript-list';
import { TranscriptOverview } from '../list/transcript-overview';
import { useReaderPosition } from '../list/use-reader-position';
import { useCompactMode } from '../list/use-compact-mode';
import type { SourceKind } from '../../../shared/contract/shapes';
import { useRowJumps } from '../list/use-row-jumps';
import { keepingPagePlace, useStickyToolbar } from '../list/use-sticky-toolbar';
import { SearchQueryContext } from '../search/search-query-context';
import { TranscriptSearchBar } from '../search/transcript-search-bar';
import { useMatchHighlights } from '../search/use-match-highlights';
import { useSearchSteering } from '../search/use-search-steering';
import type { ConversationItem, ItemOrder } from '../types';
import { ConversationHeader } from './conversation-header';
import { ItemUrlContext } from './item-frame';
import { RunSummaryPanel } from './run-summary-panel';
import { TranscriptNotices } from './transcript-notices';
import { TranscriptBody } from './transcript-body';
import { TranscriptBottomBar } from './transcript-bottom-bar';
import { TranscriptActions, TranscriptToolbar } from './transcript-toolbar';
import { SkipToTranscript, ViewControls } from './view-controls';

export interface TranscriptView {
  order: ItemOrder;
  query: string;
  hidden: ReadonlySet<ItemKind>;
  /** Only this tool's calls are shown (by the name the run summary gives it); null for every item. */
  tool: string | null;
  /** Only the failed and incomplete items are shown (Failures only). */
  failures?: boolean;
}

interface TranscriptPageProps {
  origin: TranscriptOrigin;
  sourceLabel: string;
  /** The kind of source the items came from, where known: an export names its provider by it. */
  sourceKind?: SourceKind | null;
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
  /** What leads the row of the transcript's actions, such as a link back home; a function is told whether loading failed with nothing to show. */
  lead?: ReactNode | ((failed: boolean) => ReactNode);
  /** False when the conversation's heading is a stand-in for an ID it does not have (a file's name). */
  hasConversationId?: boolean;
  /** The tab's title where the page has one of its own (a snapshot's, as its author gave it); else the conversation's. */
  pageTitle?: string | null;
}

/** What Failures only and the one tool shown leave in the list, in words: "failed or incomplete read_file calls". */
function narrowedTo(count: number, failures: boolean, tool: string | null): string {
  const plural = count === 1 ? '' : 's';
  if (tool === null) return `failed or incomplete item${plural}`;
  return `${failures ? 'failed or incomplete ' : ''}${tool} call${plural}`;
}

export function TranscriptPage({ origin, sourceLabel, sourceKind = null, view, onViewChange, anchorItemId, shareUrl, itemUrl, otherSources = [], toolbarExtras, lead, hasConversationId = true, pageTitle = null }: TranscriptPageProps) {
  const { conversationId } = origin;
  const [compact, setCompact] = useCompactMode();
  const [store] = useState(() => createItemUiStore(compact));
  useEffect(() => store.setCompact(compact), [store, compact]);
  const [query, setQuery] = useState(view.query);
  const { transcript, runSummary, tokens, turns, rows, search, failuresOnly, setFailuresOnly, only, revealed, reveal } = useTranscriptView(origin, {
    order: view.order,
    hidden: view.hidden,
    query,
    compact,
    tool: view.tool,
    // Failures only is part of the view a link shares, as the kind filter and the one tool are.
    failuresOnly: view.failures ?? false,
    onFailuresOnly: (on) => onViewChange({ failures: on }),
  });
  const { index, version, load } = transcript;
  // A transcript is a page kept open (Live watches it): failures that come later are said in full, whatever happens to
  // the server meanwhile.
  useDescriberWhenIdle(load.state === 'complete');
  const [helpOpen, setHelpOpen] = useState(false);
  const listHandle = useRef<TranscriptListHandle>(null);
  const listContainer = useRef<HTMLDivElement>(null);
  const position = useReaderPosition(rows, listHandle, listContainer);
  const { topView, visible } = position;
  const unseen = useUnseenItems(index, version, position.atNewest, view.hidden, only);
  const searchInput = useRef<HTMLInputElement>(null);
  const { ref: toolbarRef, height: toolbarHeight, stuck: toolbarStuck } = useStickyToolbar();
  // On a phone the sticky bar is one row, the search; the other controls fold behind a button.
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();

  const { anchor, jumpToRow, keepPlace } = useRowJumps({ index, version, rows, order: view.order, store, list: listHandle, reveal, anchorItemId });
  const onUrlQuery = useCallback((next: string) => onViewChange({ query: next }), [onViewChange]);
  const { step: stepMatch, starting: matchStarting } = useSearchSteering({ query, urlQuery: view.query, onUrlQuery, search, index, rows, store, list: listHandle, topView, linkedItem: anchorItemId !== null });
  useMatchHighlights(listContainer, search.query, search.currentRow, transcript.status.kind === 'data', search.matches.length > 0, search.answered && !matchStarting);
  // Esc from the search: once its rows are gone, the match the reader was on takes the focus, so j and k go on from
  // it; or, when a folded turn hides it again, the nearest row above it.
  const leftAtRow = useRef<number | null>(null);
  useEffect(() => {
    let row = leftAtRow.current;
    if (row === null || search.query.trim()) return;
    leftAtRow.current = null;
    while (row >= 0 && rows.viewIndexOf(row) === null) row -= 1;
    if (row >= 0) listHandle.current?.scrollToView(rows.viewIndexOf(row)!, { align: 'center', focus: true });
    // This runs once the cleared search has come through, with the rows it leaves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.query]);
  const linkedView = anchor.kind === 'found' && anchor.row !== null ? rows.viewIndexOf(anchor.row) : null;
  useTranscriptKeyActions({ index, rows, store, list: listHandle, searchInput, topView, linkedView, itemUrl, onShowHelp: () => setHelpOpen(true) });

  const hasItems = transcript.hasItems;
  const title = runSummary.title;
  useDocumentTitle(pageTitle || title || conversationId);
  const rememberedSource = origin.kind === 'api' ? origin.source : null;
  useEffect(() => {
    if (hasItems && rememberedSource) rememberConversation({ conversationId, source: rememberedSource, openedAt: Date.now(), ...(title ? { title } : {}) });
  }, [hasItems, conversationId, rememberedSource, title]);

  const errorContext = { conversationId, sourceLabel };
  const highlightedRows = useMemo(() => {
    const set = new Set<number>();
    if (anchor.kind === 'found' && anchor.row !== null) set.add(anchor.row);
    if (search.currentRow !== null) set.add(search.currentRow);
    return set;
  }, [anchor, search.currentRow]);

  // One tool's calls show whatever the kind filter hides (as failures do), and the filter stays in the link: setting
  // the tool down gives back the view it narrowed.
  const showOnlyTool = (tool: string | null) => {
    keepPlace(position.liveTopRow());
    onViewChange({ tool });
  };

  const toggleKind = (kind: ItemKind) => {
    // Where the reader is now, asked of the list: the top row kept in state can lag a scroll the list has just made
    // itself (the previous toggle's), and would then name a row of the previous filter.
    keepPlace(position.liveTopRow());
    const hidden = new Set(view.hidden);
    if (!hidden.delete(kind)) hidden.add(kind);
    // Hiding tools sets a chosen tool down: its calls would otherwise stay, and the click would seem to do nothing.
    onViewChange(kind === 'tools' && hidden.has('tools') && view.tool !== null ? { hidden, tool: null } : { hidden });
  };

  const { status } = transcript;
  // Failed before any item came: the error says so, and no action or control has anything to act on.
  const nothingToShow = status.kind === 'error' && !hasItems;
  const searchShown = hasItems && index.itemCount > 0;
  const leading = typeof lead === 'function' ? lead(nothingToShow) : lead;
  const shownCount = rows.count + rows.folded - (index.gapRow !== null && rows.viewIndexOf(index.gapRow) !== null ? 1 : 0);

  return (
    <ItemUiStoreContext.Provider value={store}>
      <TokenCountsContext.Provider value={tokens}>
      <SearchQueryContext.Provider value={foldForSearch(search.query.trim())}>
      <ItemUrlContext value={itemUrl ?? null}>
        <div className="space-y-5">
          <SkipToTranscript />
          {leading || !nothingToShow ? (
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
              {leading}
              {nothingToShow ? null : (
                <TranscriptActions
                  shareUrl={shareUrl}
                  exportUrl={(format) => {
                    const source = { id: origin.kind === 'api' ? origin.source : null, label: sourceLabel, kind: sourceKind };
                    // A file that names no conversation is shown under its file name; its exports do not pass that off as the ID.
                    const { id: _shownId, ...unnamed } = transcript.conversation ?? { id: conversationId };
                    const conversation = hasConversationId ? (transcript.conversation ?? { id: conversationId }) : unnamed;
                    return exportPath(origin, format, index.complete) ?? (async () => exportInBrowser(format, conversationId, conversation, await itemsToExport(origin, index), source, (item) => tokens.counts.byItem.get(item)));
                  }}
                  extras={typeof toolbarExtras === 'function' ? toolbarExtras(() => index.orderedItems()) : toolbarExtras}
                  onShowShortcuts={() => setHelpOpen(true)}
                />
              )}
            </div>
          ) : null}
          <ConversationHeader
            conversationId={conversationId}
            sourceLabel={sourceLabel}
            conversation={transcript.conversation}
            itemCount={hasItems ? index.itemCount : null}
            complete={index.complete}
            duplicates={index.duplicates}
            removed={index.removedCount}
            hasId={hasConversationId}
          />

          {hasItems && index.itemCount > 0 ? (
            <RunSummaryPanel
              view={runSummary}
              counts={index.counts}
              tokens={tokens}
              onJump={jumpToRow}
              failuresOnly={failuresOnly}
              onFailuresOnly={setFailuresOnly}
              onlyTool={view.tool}
              onOnlyTool={showOnlyTool}
            />
          ) : null}

          {/* What is in the bar is never hidden by it: without a negative scroll margin, the browser scrolled the page
              to bring a focused control of the bar (View ▾ on a phone) out of the page's scroll padding, which the
              bar's own height makes, each time the bar grew or shrank around it. */}
          {nothingToShow ? null : (
          <div ref={toolbarRef} className="sticky top-0 z-20 -mx-4 flex flex-col gap-2 border-b border-zinc-200 bg-white px-4 py-2 dark:border-zinc-800 dark:bg-zinc-950 [&_*]:-scroll-mt-96">
            <div id={moreId} className={`max-sm:order-last ${searchShown && !moreOpen ? 'max-sm:hidden' : ''}`}>
            <TranscriptToolbar
              order={view.order}
              onOrderChange={(order) => onViewChange({ order })}
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
                pending={query !== search.query || !search.answered || matchStarting}
                unavailable={tokens.searchFailed}
                onStep={stepMatch}
                onLeave={() => (leftAtRow.current = search.currentRow)}
                inputRef={searchInput}
                more={{ id: moreId, open: moreOpen, onToggle: () => keepingPagePlace(() => setMoreOpen((open) => !open)), alert: transcript.live ? liveTrouble(transcript.live) : null }}
              />
            ) : null}
          </div>
          )}

          {hasItems && transcript.conversationError ? (
            <ApiErrorPanel compact error={transcript.conversationError} describe={(describer, error) => describer.describeApiError(error, errorContext)} onRetry={transcript.retryConversation} />
          ) : null}

          <TranscriptNotices
            anchor={anchor}
            narrowed={only && hasItems ? { count: only.size, what: narrowedTo(only.size, failuresOnly, view.tool), askedFor: [...revealed].filter((row) => !only.has(row)).length } : null}
            onShowEverything={() =>
              // Everything, as it says: the kind filter too, which the narrowed rows were shown through; one change of
              // the link, so Back returns to the narrowed view at once.
              onViewChange({ failures: false, ...(view.tool !== null || view.hidden.size > 0 ? { tool: null, hidden: new Set() } : {}) })
            }
            onShowAllKinds={view.hidden.size > 0 ? () => onViewChange({ hidden: new Set() }) : undefined}
            shown={hasItems ? shownCount : null}
            loaded={index.itemCount}
            revealed={revealed.size}
          />

          <TranscriptBody
            status={status}
            load={load}
            loaded={{ count: index.itemCount, complete: index.complete, shown: hasItems }}
            errorContext={errorContext}
            otherSources={otherSources}
            list={
              <div ref={listContainer} id="transcript-items" tabIndex={-1} className="outline-none">
                <TranscriptList
                  index={index}
                  version={version}
                  rows={rows}
                  load={load}
                  highlightedRows={highlightedRows}
                  matchRow={search.currentRow}
                  stickyOffset={toolbarHeight}
                  onTopChange={position.onTopChange}
                  onVisibleChange={position.onVisibleChange}
                  handle={listHandle}
                  followNewest={transcript.live?.on ?? false}
                  compact={compact}
                  turns={turns.headers}
                />
              </div>
            }
          />

          {hasItems ? (
            <TranscriptBottomBar
              index={index}
              load={load}
              canPause={origin.kind !== 'file'}
              unseen={unseen}
              newestOnTop={view.order === 'desc'}
              positionRow={position.positionRow}
              rowCount={rows.count}
              toolbarStuck={toolbarStuck}
              list={listHandle}
            />
          ) : null}
          {hasItems && index.itemCount > 0 ? (
          <TranscriptOverview
            rows={rows}
            turnRows={runSummary.turnRows}
            failureRows={runSummary.failureRows}
            matches={search.matches}
            visible={visible}
            top={toolbarHeight}
            onJump={(target) => listHandle.current?.scrollToView(target, { align: 'start' })}
          />
        ) : null}
        <LazyShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        </div>
      </ItemUrlContext>
      </SearchQueryContext.Provider>
      </TokenCountsContext.Provider>
    </ItemUiStoreContext.Provider>
  );
}
