import { useEffect, useRef, useState } from 'react';
import type { ConversationItem } from '../../transcript/types';
import type { Alignment } from './align-runs';
import type { ContentCategory } from '../../../shared/snapshots/share-filter';
import { postAlignRequest, type AlignResponse } from './align-messages';
import type { ItemsLeftOut } from './common-ground';

/** `leftOut` and `items`: content and whole items left out of both runs before they are aligned (see align.worker.ts). */
type Runs = { a: readonly ConversationItem[]; b: readonly ConversationItem[]; leftOut?: readonly ContentCategory[]; items?: ItemsLeftOut };

/** `done` carries the runs it aligned: the rows point into those, not into newer copies. */
export type AlignmentState = { status: 'waiting' } | { status: 'aligning' } | { status: 'done'; alignment: Alignment; runs: Runs } | { status: 'failed'; message: string };

/**
 * Aligns two runs in a worker, so two 10,000-item runs never freeze the page; a newer pair of runs supersedes an
 * alignment still in progress. `runs` is null until both sides have loaded.
 */
export function useAlignment(runs: Runs | null): AlignmentState {
  const [state, setState] = useState<AlignmentState>({ status: 'waiting' });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const sent = useRef<Runs | null>(null);

  useEffect(() => {
    const created = new Worker(new URL('./align.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<AlignResponse>) => {
      const answer = event.data;
      if (answer.id !== null && answer.id !== latest.current) return;
      setState('alignment' in answer && sent.current ? { status: 'done', alignment: answer.alignment, runs: sent.current } : { status: 'failed', message: 'error' in answer ? answer.error : 'The comparison was lost.' });
    };
    created.onerror = (event) => setState({ status: 'failed', message: event.message || 'The comparison could not run in this browser.' });
    created.onmessageerror = () => setState({ status: 'failed', message: 'The comparison could not be handed back to the page: an item is nested too deep.' });
    worker.current = created;
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (!runs || !worker.current) return;
    latest.current += 1;
    sent.current = runs;
    let failure: string | null = null;
    try {
      postAlignRequest(worker.current, { id: latest.current, a: runs.a, b: runs.b, leftOut: runs.leftOut, items: runs.items });
    } catch (error) {
      failure = `The runs could not be handed to the comparison: ${error instanceof Error ? error.message : String(error)}`;
    }
    // A newer copy of the runs (a live update) is aligned behind the rows already shown.
    setState((previous) => (failure !== null ? { status: 'failed', message: failure } : previous.status === 'done' ? previous : { status: 'aligning' }));
  }, [runs]);

  return state;
}
