import { createContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Conversation } from '../types';
import { conversationTitle } from '../../../shared/items/conversation-title';
import { RunSummary } from './run-summary';
import { sliceDeadline } from '../../../lib/work-in-slices';
import { TextIndexClient } from './text-index-client';
import type { TranscriptIndex } from './transcript-index';

export interface TokenState {
  /** Counts by item ID and in total, and the opaque data items hold; filled in by the text index. */
  counts: Pick<TextIndexClient, 'byId' | 'opaqueById' | 'byItem' | 'opaqueByItem' | 'total'>;
  /** Changes with every counted batch. */
  revision: number;
  done: boolean;
  /** Why there is no estimate: the tokenizer could not be loaded. */
  failed: string | null;
  /** Why search cannot run: the text index could not be loaded. */
  searchFailed: string | null;
  /** The text index itself, for search. */
  textIndex: TextIndexClient;
}

export const TokenCountsContext = createContext<TokenState | null>(null);


/**
 * Search text and token counts of the loaded items, worked out off the page's thread (a worker), page by page; the
 * tokenizer loads there, so it never holds up the first rows. While `loading`, the text index waits for the load to
 * end, unless a search asks for what has arrived: on a machine of few cores its work took a core from loading.
 */
export function useTokenCounts(index: TranscriptIndex, version: number, loading = false): TokenState {
  const client = useMemo(() => new TextIndexClient(index), [index]);
  useEffect(() => () => client.close(), [client]);
  useEffect(() => client.setCounting(!loading), [client, loading]);
  useEffect(() => {
    if (client && version > 0 && !loading) client.syncInSlices();
  }, [client, version, loading]);
  const subscribe = useMemo(() => (listener: () => void) => client.subscribe(listener), [client]);
  const revision = useSyncExternalStore(subscribe, () => client.revision);
  const failed = useSyncExternalStore(subscribe, () => client.tokenizerError);
  const searchFailed = useSyncExternalStore(subscribe, () => client.searchError);
  // Read when items arrive (`version`); the state changes only with the counts, as every row on screen reads it.
  const done = version > 0 && client.done;
  return useMemo(() => ({ counts: client, revision, done, failed, searchFailed, textIndex: client }), [client, revision, done, failed, searchFailed]);
}

export interface RunSummaryView {
  summary: RunSummary;
  title: string | null;
  failureRows: number[];
  turnRows: number[];
}

/** How long one render may spend reading new items into the run summary (judging a tool's output can parse it). */
const SUMMARY_SLICE_MS = 4;

/**
 * The run summary, brought up to date once per index version, never per item render; a render reads at most a slice
 * of the new items, and the next slice gets a render of its own.
 */
export function useRunSummary(index: TranscriptIndex, version: number, conversation: Conversation | undefined): RunSummaryView {
  const [summary] = useState(() => new RunSummary());
  const [slice, setSlice] = useState(0);
  // `version` changes when items arrive, `slice` asks for the next slice; the index is the same object throughout.
  const rows = useMemo(() => {
    summary.sync(index, sliceDeadline(SUMMARY_SLICE_MS));
    return { firstUserText: summary.title, failureRows: summary.failureRows(index), turnRows: summary.turnRows(index) };
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [summary, index, version, slice]);
  const { firstUserText, failureRows, turnRows } = rows;
  const title = useMemo(() => conversationTitle(conversation, firstUserText), [conversation, firstUserText]);
  const view = useMemo(() => ({ summary, title, failureRows, turnRows }), [summary, title, failureRows, turnRows]);
  // While the index itself is behind, its next slice renders again anyway.
  const behind = summary.behind && !index.behind;
  useEffect(() => {
    if (!behind) return;
    const timer = setTimeout(() => setSlice((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [behind, rows]);
  return view;
}
