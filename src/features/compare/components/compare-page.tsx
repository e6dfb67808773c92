import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ErrorPanel } from '../../../components/error-panel';
import { describeApiError, retryingError } from '../../../lib/describe-api-error';
import { useRunSummary, useTokenCounts } from '../../transcript/data/use-run-summary';
import { useTranscript, type Transcript } from '../../transcript/data/use-transcript';
import { useVisibleRange } from '../../transcript/list/transcript-overview';
import type { Side } from '../lib/compare-search';
import { differencePositions, displayRows, firstRow, followRows, headline, itemsInRow, positionOfRow, stepDifference, stretchStart } from '../lib/display-rows';
import { useAlignment } from '../lib/use-alignment';
import { rowFragment, rowOfFragment } from '../lib/row-link';
import { parseCompareSearch, sameRun } from '../lib/compare-search';
import { navigateTo } from '../../../lib/navigation';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { ItemsLeftOut } from '../lib/common-ground';
import { itemLabel } from '../../../shared/items/item-catalog';
import { CONTENT_CATEGORIES, type ContentCategory } from '../../../shared/snapshots/share-filter';
import { CONTENT_NAMES } from '../../../shared/snapshots/manifest-text';
import { useDifferenceKeys } from '../lib/use-difference-keys';
import { CompareList, type CompareListHandle } from './compare-list';
import { ShareComparison } from './share-comparison';
import { SideSummary, type SideStats } from './side-summary';
import { usePageScrollPadding } from '../../../lib/use-page-scroll-padding';
import type { ReadySide } from '../lib/use-side-origin';


/** "Run A’s snapshot left out tool outputs and images: they are left out of run B too, so they count as no difference." */
function commonGroundText(a: ReadySide, b: ReadySide, leftOut: readonly ContentCategory[]): string {
  const words = (categories: readonly ContentCategory[]) => {
    const named = categories.map((category) => CONTENT_NAMES[category]);
    return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : (named[0] ?? '');
  };
  const only = (own: ReadySide, other: ReadySide) => leftOut.filter((category) => own.leftOut?.includes(category) && !other.leftOut?.includes(category));
  const oneSide = (side: string, otherSide: string, categories: readonly ContentCategory[]) => {
    const many = categories.length > 1;
    return `Run ${side}’s snapshot left out ${words(categories)}: ${many ? 'they are' : 'it is'} left out of run ${otherSide} too, so ${many ? 'they count' : 'it counts'} as no difference.`;
  };
  const both = leftOut.filter((category) => a.leftOut?.includes(category) && b.leftOut?.includes(category));
  const aOnly = only(a, b);
  const bOnly = only(b, a);
  return [both.length ? `Both snapshots left out ${words(both)}.` : '', aOnly.length ? oneSide('A', 'B', aOnly) : '', bOnly.length ? oneSide('B', 'A', bOnly) : '', itemsText('A', 'B', a, b), itemsText('B', 'A', b, a)].filter(Boolean).join(' ');
}

/** "Run A’s snapshot left out system and developer messages: they are left out of run B too, …": whole items one side's snapshot left out and the other has. */
function itemsText(side: string, otherSide: string, own: ReadySide, other: ReadySide): string {
  const roles = (own.leftOutItems?.roles ?? []).filter((role) => !other.leftOutItems?.roles.includes(role));
  const types = (own.leftOutItems?.types ?? []).filter((type) => !other.leftOutItems?.types.includes(type));
  const named = [...(roles.length ? [`${roles.join(' and ')} messages`] : []), ...types.map((type) => `${itemLabel(type).replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase())} items`)];
  if (named.length === 0) return '';
  return `Run ${side}’s snapshot left out ${named.join(' and ')}: they are left out of run ${otherSide} too, so they count as no difference.`;
}

interface ComparePageProps {
  a: ReadySide;
  b: ReadySide;
  /** Whether this viewer stores snapshots, so the comparison can be shared as two. */
  canShare: boolean;
}

const button =
  'shrink-0 whitespace-nowrap rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium text-zinc-800 hover:bg-zinc-100 aria-disabled:cursor-default aria-disabled:opacity-50 aria-disabled:hover:bg-white dark:aria-disabled:hover:bg-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800';

function useSideStats(transcript: Transcript) {
  const { index, version } = transcript;
  const summary = useRunSummary(index, version, transcript.conversation);
  const tokens = useTokenCounts(index, version);
  const stats: SideStats | null = index.complete
    ? { items: index.itemCount, toolCalls: index.counts.byKind.tools, failures: summary.failureRows.length, tokens: tokens.counts.total, tokensDone: tokens.done, tokensFailed: tokens.failed }
    : null;
  return { stats, title: summary.title };
}

const NOTHING_ARRIVES = () => () => undefined;

/**
 * What the side's file said as it was read (items put oldest first, one page of a longer run) and why its reading
 * stopped part way, as the file's own page says: a part of a run compared is not taken for the whole of it.
 */
function useReadNote(side: ReadySide): string | null {
  const items = side.origin.kind === 'file' ? side.origin.items : null;
  const failure = useSyncExternalStore(items?.subscribe ?? NOTHING_ARRIVES, () => items?.failure ?? null);
  return [side.note, failure].filter(Boolean).join(' ') || null;
}

/**
 * The height of the sticky bar, which appears only once the runs are aligned: a callback ref sees it arrive. What
 * takes the focus scrolls clear of it.
 */
function useStickyHeight() {
  const [height, setHeight] = useState(0);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.getBoundingClientRect().height));
    observer.observe(element);
    return () => {
      observer.disconnect();
      // The bar is gone (the runs are aligned again): nothing to keep clear of.
      setHeight(0);
    };
  }, []);
  usePageScrollPadding(height);
  return { ref, height };
}

function SideError({ side, ready, transcript }: { side: Side; ready: ReadySide; transcript: Transcript }) {
  const { status } = transcript;
  if (status.kind === 'retrying') {
    // Said while it is tried again, as a transcript's page says it: not only "Loading both runs…" until the tries run out.
    const description = retryingError(describeApiError(status.error, { conversationId: ready.name, sourceLabel: ready.sourceLabel }), status.attempt);
    return <ErrorPanel description={{ ...description, title: `Run ${side.toUpperCase()} (${ready.name.slice(0, 80)}): ${description.title}` }} />;
  }
  const error = status.kind === 'error' ? status.error : transcript.load.state === 'failed' ? transcript.load.error : null;
  if (!error) return null;
  const description = describeApiError(error, { conversationId: ready.name, sourceLabel: ready.sourceLabel });
  return (
    <ErrorPanel
      description={{ ...description, title: `Run ${side.toUpperCase()} (${ready.name.slice(0, 80)}): ${description.title}` }}
      onRetry={description.final ? undefined : transcript.load.resume}
      retrying={transcript.load.state === 'loading'}
    />
  );
}

/** The fragment of the link the page was opened by, decoded; '' when it has none or it cannot be read. */
function linkedFragment(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/** Two runs side by side, aligned by content, opened at the first place where they part. */
export function ComparePage({ a, b, canShare }: ComparePageProps) {
  useDocumentTitle('Compare two runs');
  const runA = useTranscript(a.origin);
  const runB = useTranscript(b.origin);
  const sideA = useSideStats(runA);
  const sideB = useSideStats(runB);
  const noteA = useReadNote(a);
  const noteB = useReadNote(b);
  const sticky = useStickyHeight();
  const list = useRef<CompareListHandle>(null);

  const ready = runA.index.complete && runB.index.complete;
  // `version` tells when either index changes; the index objects themselves stay the same.
  // What either side's snapshot left out of its items is left out of both, for the alignment alone.
  const leftOut = useMemo(() => CONTENT_CATEGORIES.filter((category) => a.leftOut?.includes(category) || b.leftOut?.includes(category)), [a.leftOut, b.leftOut]);
  // Whole items either side's snapshot left out (by role or type) are set aside from both too.
  // By the lists themselves, which stay the same from render to render (the side objects do not).
  const [rolesA, rolesB, typesA, typesB] = [a.leftOutItems?.roles, b.leftOutItems?.roles, a.leftOutItems?.types, b.leftOutItems?.types];
  const items = useMemo<ItemsLeftOut>(() => {
    const union = (one: readonly string[] = [], other: readonly string[] = []) => [...new Set([...one, ...other])];
    return { roles: union(rolesA, rolesB), types: union(typesA, typesB) };
  }, [rolesA, rolesB, typesA, typesB]);
  const groundText = commonGroundText(a, b, leftOut);
  const runs = useMemo(
    () => (ready ? { a: runA.index.orderedItems(), b: runB.index.orderedItems(), leftOut, items } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready, runA.index, runB.index, runA.version, runB.version, leftOut, items],
  );
  const state = useAlignment(runs);
  const done = state.status === 'done' ? state : null;
  const alignment = done?.alignment ?? null;

  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  /** The aligned row of the difference the reader is at (of a fold of one-sided rows, its first). */
  const [currentRow, setCurrentRow] = useState<number | null>(null);
  // A live update aligns the runs again, and can move rows: the folds the reader opened and the difference they are
  // at follow their rows, and do not stay with the numbers.
  const [rowsOf, setRowsOf] = useState(alignment);
  if (rowsOf !== alignment) {
    setRowsOf(alignment);
    if (rowsOf && alignment) {
      const follow = followRows(rowsOf.rows, alignment.rows);
      const followed = (row: number | null) => (row === null ? null : follow(row));
      setOpened((previous) => new Set([...previous].map(followed).filter((row) => row !== null).map((row) => stretchStart(alignment.rows, row))));
      setCurrentRow(followed);
    }
  }
  const shown = useMemo(() => (alignment ? displayRows(alignment.rows, opened, (row) => itemsInRow(alignment, row)) : []), [alignment, opened]);
  const positions = useMemo(() => (alignment ? differencePositions(shown, alignment.rows) : []), [alignment, shown]);
  // A fold of one-sided rows is current by its first row, which stays current when the fold is opened; a row a live
  // update has put in a fold makes the fold current.
  const currentPosition = useMemo(() => (currentRow === null ? null : positionOfRow(shown, currentRow)), [shown, currentRow]);

  // Where the reader is: once the current difference has been on screen and the reader scrolls it off, it is no longer
  // current, and stepping goes on from the top of the screen, as a browser's find does.
  const [visible, setVisible] = useVisibleRange();
  /** The aligned row of the current difference, once it has been on screen. */
  const seenRow = useRef<number | null>(null);
  /** How far the page was scrolled at the last report. */
  const lastScroll = useRef(0);
  const onVisibleChange = (range: readonly [number, number] | null) => {
    setVisible(range);
    const scrolled = window.scrollY - lastScroll.current;
    lastScroll.current = window.scrollY;
    if (currentPosition === null || range === null) return;
    const onScreen = currentPosition >= range[0] && currentPosition <= range[1];
    // Only the reader's scrolling away from it lets it go (down past it, or up from it): rows opened above it (a fold)
    // that push it off the foot of the screen leave it current, and so does scrolling on down towards it.
    const away = currentPosition < range[0] ? scrolled > 0 : scrolled < 0;
    if (onScreen) seenRow.current = currentRow;
    else if (seenRow.current === currentRow && away) setCurrentRow(null);
  };
  const from = currentPosition ?? (visible ? visible[0] - 0.5 : null);

  const goTo = (position: number | null) => {
    if (position === null) return;
    const row = firstRow(shown[position]);
    setCurrentRow(row);
    list.current?.scrollToPosition(position);
    // The link says which difference the reader stepped to: copied now, it opens there (an item without an ID cannot
    // be named, and the link then names none rather than an older one).
    const fragment = alignment && done ? rowFragment(alignment, done.runs, row) : null;
    navigateTo({ search: (previous) => previous, hash: fragment ?? undefined, replace: true }, parseCompareSearch);
  };
  const step = (direction: 1 | -1) => goTo(stepDifference(positions, from, direction));
  useDifferenceKeys(step);

  // A comparison opens at the first difference, or at the one its link names: that is what the reader came for.
  // Already in full view (near the top), the page does not move to it.
  const [linked] = useState(() => linkedFragment(window.location.hash));
  const openedAtFirst = useRef(false);
  useEffect(() => {
    if (!alignment || openedAtFirst.current) return;
    openedAtFirst.current = true;
    const linkedRow = linked && done ? rowOfFragment(alignment, done.runs, linked) : null;
    const linkedPosition = linkedRow === null ? null : positionOfRow(shown, linkedRow);
    const first = linkedPosition !== null && positions.includes(linkedPosition) ? linkedPosition : positions[0];
    if (first === undefined) return;
    setCurrentRow(firstRow(shown[first]));
    list.current?.revealPosition(first);
  }, [alignment, positions, shown, linked, done]);

  const ordinal = currentPosition === null ? 0 : positions.indexOf(currentPosition) + 1;
  const failedA = runA.status.kind === 'error' || runA.load.state === 'failed';
  const failedB = runB.status.kind === 'error' || runB.load.state === 'failed';
  const failed = failedA || failedB;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Compare two runs</h1>
        {/* Only two runs that could be read make a comparison worth sharing. */}
        {canShare && !failed ? <ShareComparison a={a} b={b} /> : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SideSummary side="a" name={a.name} sourceLabel={a.sourceLabel} title={a.title ?? sideA.title} stats={sideA.stats} loading={runA.index.itemCount} failed={failedA} originalFailures={a.leftOut?.includes('tool_outputs') ? a.originalFailures : undefined} note={noteA} />
        <SideSummary side="b" name={b.name} sourceLabel={b.sourceLabel} title={b.title ?? sideB.title} stats={sideB.stats} loading={runB.index.itemCount} failed={failedB} originalFailures={b.leftOut?.includes('tool_outputs') ? b.originalFailures : undefined} note={noteB} />
      </div>
      {sameRun(a.origin, b.origin) ? (
        <p data-testid="compare-same-run" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          A and B are the same run, so they match item for item. Pick another run for one side to see where two runs part.
        </p>
      ) : null}
      {groundText ? (
        <p data-testid="compare-left-out" className="text-sm text-zinc-600 dark:text-zinc-400">
          {groundText}
        </p>
      ) : null}
      <SideError side="a" ready={a} transcript={runA} />
      <SideError side="b" ready={b} transcript={runB} />

      {alignment ? (
        <div ref={sticky.ref} className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
          <p data-testid="compare-headline" className="min-w-0 flex-1 basis-64 font-medium">
            {headline(alignment, done?.runs.a.length ?? 0, done?.runs.b.length ?? 0)}
          </p>
          {positions.length > 0 ? (
            // At either end a step button says it has nowhere to go but keeps the focus (a disabled button would drop
            // it to the page). On the narrowest phone the buttons keep their words on one line; the count may take two.
            <div className="flex items-center gap-2">
              <span data-testid="difference-position" className="min-w-0 text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
                {ordinal > 0 ? `${ordinal} of ${positions.length}` : `${positions.length}`} {positions.length === 1 ? 'difference' : 'differences'}
              </span>
              <button type="button" className={button} onClick={() => step(-1)} aria-disabled={stepDifference(positions, from, -1) === null} aria-label="Previous difference" aria-keyshortcuts="p">
                ↑ Previous<span className="hidden sm:inline"> difference</span>
              </button>
              {/* The focus stays on the button, so that it steps again; Tab goes on from the difference it showed, not from
                  the first control the list holds (up the page from it). */}
              <button
                type="button"
                className={button}
                onClick={() => step(1)}
                onKeyDown={(event) => {
                  if (event.key === 'Tab' && !event.shiftKey && currentPosition !== null && list.current?.focusPosition(currentPosition)) event.preventDefault();
                }}
                aria-disabled={stepDifference(positions, from, 1) === null}
                aria-label="Next difference"
                aria-keyshortcuts="n"
              >
                ↓ Next<span className="hidden sm:inline"> difference</span>
              </button>
            </div>
          ) : null}
        </div>
      ) : null}

      {alignment ? (
        alignment.rows.length > 0 ? (
          <CompareList
            alignment={alignment}
            itemsA={done?.runs.a ?? []}
            itemsB={done?.runs.b ?? []}
            shown={shown}
            current={currentPosition}
            stickyOffset={sticky.height}
            onOpenFold={(start) => {
              // Whatever the page scrolled before, the reader looked at it with the fold closed.
              lastScroll.current = window.scrollY;
              setOpened((previous) => new Set(previous).add(start));
            }}
            onVisibleChange={onVisibleChange}
            handle={list}
          />
        ) : null
      ) : state.status === 'failed' ? (
        <ErrorPanel description={{ title: 'The runs could not be compared', hint: 'Reload the page to try again.', detail: state.message }} />
      ) : failed ? null : (
        <output className="block rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {state.status === 'aligning' ? 'Aligning the two runs…' : 'Loading both runs…'}
        </output>
      )}
    </div>
  );
}
