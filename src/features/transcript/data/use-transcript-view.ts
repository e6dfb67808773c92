import { useMemo, useState } from 'react';
import type { ItemKind } from '../lib/item-filter';
import { useTurns } from '../list/use-turns';
import { ViewRowsBuilder, type ViewRows } from '../list/view-rows';
import { useTranscriptSearch, type TranscriptSearch } from '../search/use-transcript-search';
import type { ItemOrder } from '../types';
import { useRunSummary, useTokenCounts, type RunSummaryView, type TokenState } from './use-run-summary';
import { useTranscript, type Transcript, type TranscriptOrigin } from './use-transcript';

export interface TranscriptViewSettings {
  order: ItemOrder;
  hidden: ReadonlySet<ItemKind>;
  /** What the search box holds now; the search itself follows it without holding up typing. */
  query: string;
  compact: boolean;
  /** Only this tool's calls are shown (by the name the run summary gives it). */
  tool?: string | null;
  /** Failures only, when the page keeps it (in its link) and changes it through `onFailuresOnly`; else it is kept here. */
  failuresOnly?: boolean;
  onFailuresOnly?: (on: boolean) => void;
}

export interface TranscriptViewData {
  transcript: Transcript;
  runSummary: RunSummaryView;
  tokens: TokenState;
  turns: ReturnType<typeof useTurns>;
  /** The rows shown, in view order. */
  rows: ViewRows;
  search: TranscriptSearch;
  failuresOnly: boolean;
  setFailuresOnly: (on: boolean) => void;
  /** The rows Failures only and the one tool shown narrow the list to (before the kind filter), or null. */
  only: ReadonlySet<number> | null;
  /** Rows shown though the filter hides their kind, because the reader asked for them. */
  revealed: ReadonlySet<number>;
  /** Shows a row the filter hides, until the filter changes. */
  reveal: (row: number) => void;
}

const NO_IDS: readonly string[] = [];
const NO_ROWS: readonly number[] = [];

/** Items the reader asked for (a failure, a linked item) that the filter would hide, kept by ID as rows move. */
function useRevealed(transcript: Transcript, hidden: ReadonlySet<ItemKind>) {
  const { index, version } = transcript;
  const filterKey = [...hidden].sort().join(',');
  const [revealedFor, setRevealedFor] = useState<{ filter: string; ids: readonly string[] }>({ filter: '', ids: [] });
  const revealedIds = revealedFor.filter === filterKey ? revealedFor.ids : NO_IDS;
  const revealed = useMemo(
    () => new Set(revealedIds.map((id) => index.rowOfId(id)).filter((row) => row !== null)),
    // `version` changes as items arrive (the rows of the tail move); the index is the same object throughout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [revealedIds, index, version],
  );
  const reveal = (row: number) => {
    const slot = index.slotAt(row);
    const id = slot ? index.itemAt(slot).id : undefined;
    if (typeof id === 'string' && id) setRevealedFor({ filter: filterKey, ids: [...revealedIds, id] });
  };
  return { revealed, reveal };
}

/**
 * Everything a transcript page shows, derived from one origin: the items, run summary, token counts, turns, the
 * rows the filter and folds leave, and the search over them. The page composes what this returns.
 */
export function useTranscriptView(origin: TranscriptOrigin, settings: TranscriptViewSettings): TranscriptViewData {
  const transcript = useTranscript(origin);
  const { index, version } = transcript;
  const runSummary = useRunSummary(index, version, transcript.conversation);
  const tokens = useTokenCounts(index, version, transcript.load.state === 'loading');
  const turns = useTurns(index, version, runSummary.turnRows, tokens, settings.compact);
  const [failuresHere, setFailuresHere] = useState(false);
  const failuresOnly = settings.failuresOnly ?? failuresHere;
  const setFailuresOnly = settings.onFailuresOnly ?? setFailuresHere;
  const tool = settings.tool ?? null;
  // Failures only and one tool's calls narrow the rows together: the failed calls of that tool.
  const onlyRows = useMemo(() => {
    const toolRows = tool === null ? null : new Set(runSummary.summary.toolRows(index, tool));
    if (!failuresOnly) return toolRows;
    return new Set(toolRows ? runSummary.failureRows.filter((row) => toolRows.has(row)) : runSummary.failureRows);
    // `version` changes as items arrive (rows move); the index is the same object throughout.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [failuresOnly, tool, runSummary, index, version]);
  const { revealed, reveal } = useRevealed(transcript, settings.hidden);
  // The search's matches show inside folded turns, as a linked item does: a match there is counted and stepped to, not
  // left out as the kind filter leaves out what it hides. They come from the search over the last rows built.
  const [matchedRows, setMatchedRows] = useState<readonly number[]>(NO_ROWS);
  const foldedTurns = (turns.collapsedTurns?.collapsed.size ?? 0) > 0;
  const open = useMemo(() => (foldedTurns && matchedRows.length > 0 ? new Set(matchedRows) : undefined), [foldedTurns, matchedRows]);
  // Kept between versions: a long run's rows are built from the items that arrived since the last slice, not all again.
  const [builder] = useState(() => new ViewRowsBuilder());
  const rows = useMemo(
    () => builder.build(index, settings.order, settings.hidden, turns.collapsedTurns, { reveal: revealed, only: onlyRows, open }),
    // `version` changes as items arrive; the index is the same object throughout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [builder, index, version, settings.order, settings.hidden, turns.collapsedTurns, revealed, onlyRows, open],
  );
  const search = useTranscriptSearch(index, version, rows, settings.query, tokens.textIndex);
  if (search.matchedRows !== matchedRows) setMatchedRows(search.matchedRows);
  return { transcript, runSummary, tokens, turns, rows, search, failuresOnly, setFailuresOnly, only: onlyRows, revealed, reveal };
}
