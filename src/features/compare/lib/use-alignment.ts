import { useEffect, useRef, useState } from 'react';
import type { ConversationItem } from '../../transcript/types';
import type { Alignment } from './align-runs';
import type { AlignRequest, AlignResponse } from './align.worker';

export type AlignmentState = { status: 'waiting' } | { status: 'aligning' } | { status: 'done'; alignment: Alignment } | { status: 'failed'; message: string };

/**
 * Aligns two runs in a worker, so two 10,000-item runs never freeze the page; a newer pair of runs supersedes an
 * alignment still in progress. `runs` is null until both sides have loaded.
 */
export function useAlignment(runs: { a: readonly ConversationItem[]; b: readonly ConversationItem[] } | null): AlignmentState {
  const [state, setState] = useState<AlignmentState>({ status: 'waiting' });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const created = new Worker(new URL('./align.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<AlignResponse>) => {
      const answer = event.data;
      if (answer.id !== latest.current) return;
      setState('alignment' in answer ? { status: 'done', alignment: answer.alignment } : { status: 'failed', message: answer.error });
    };
    created.onerror = (event) => setState({ status: 'failed', message: event.message || 'The comparison could not run in this browser.' });
    worker.current = created;
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (!runs || !worker.current) return;
    latest.current += 1;
    setState({ status: 'aligning' });
    worker.current.postMessage({ id: latest.current, a: runs.a, b: runs.b } satisfies AlignRequest);
  }, [runs]);

  return state;
}
