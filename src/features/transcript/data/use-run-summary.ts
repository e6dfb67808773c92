import { createContext, useEffect, useMemo, useState } from 'react';
import type { Conversation } from '../types';
import { conversationTitle, RunSummary } from './run-summary';
import { loadTokenizer, TokenCounts } from './token-counts';
import type { TranscriptIndex } from './transcript-index';

const BATCH = 300;

export interface TokenState {
  counts: TokenCounts;
  /** Changes with every counted batch. */
  revision: number;
  done: boolean;
}

export const TokenCountsContext = createContext<TokenState | null>(null);

/** Counts tokens of the loaded items in the background, a batch per task, once the tokenizer has loaded. */
export function useTokenCounts(index: TranscriptIndex, version: number): TokenState {
  const [counts] = useState(() => new TokenCounts());
  const [progress, setProgress] = useState({ revision: 0, done: false });
  useEffect(() => {
    if (version === 0) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void loadTokenizer().then((count) => {
      const run = () => {
        if (cancelled) return;
        const done = counts.step(index, count, BATCH);
        setProgress((previous) => ({ revision: previous.revision + 1, done }));
        if (!done) timer = setTimeout(run, 0);
      };
      run();
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [index, version, counts]);
  return useMemo(() => ({ counts, revision: progress.revision, done: progress.done }), [counts, progress]);
}

export interface RunSummaryView {
  summary: RunSummary;
  title: string | null;
  failureRows: number[];
  turnRows: number[];
}

/** The run summary, brought up to date once per index version, never per item render. */
export function useRunSummary(index: TranscriptIndex, version: number, conversation: Conversation | undefined): RunSummaryView {
  const [summary] = useState(() => new RunSummary());
  // `version` changes when items arrive; the index itself is the same object throughout.
  return useMemo(() => {
    if (summary.version !== version) summary.sync(index);
    return { summary, title: conversationTitle(conversation, summary.title), failureRows: summary.failureRows(index), turnRows: summary.turnRows(index) };
  }, [summary, index, version, conversation]);
}
