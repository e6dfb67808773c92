import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useRememberedSwitch } from '../../../lib/use-remembered-switch';
import { getItem, listItems } from '../api/get-items';
import { itemStreamQueryOptions } from '../api/stream-items';
import { addLiveChanges, type LiveChanges } from '../data/streamed-items';
import type { TranscriptIndex } from '../data/transcript-index';
import { IDLE_STOP_MS, LiveClock, QUIET_STOP_MS } from './live-clock';
import { runLivePoll } from './poll-live';

export interface LiveUpdates {
  on: boolean;
  toggle: () => void;
  /** Set when watching stopped by itself after a quiet period of this many minutes. */
  stoppedAfterMinutes: number | null;
  /** Every check of that period failed (the conversation deleted, the key revoked): that, not quiet, is why it stopped. */
  stoppedByFailures: boolean;
  /** On, but the newest end of the conversation has not loaded yet. */
  waiting: boolean;
  /** The whole conversation has loaded, but none of its newest items has an ID to read on from: nothing to watch. */
  noIds: boolean;
  checking: boolean;
  lastUpdatedAt: number | null;
  /** The last poll's failure, until one succeeds. */
  error: unknown;
  nextCheckAt: () => number;
  /** New items arrived that no poll can place (nothing held to read on from upstream): Reload reads them. */
  behind: boolean;
  /** A burst of new items is being read on, a stretch per poll; this many came with the last one. */
  catchingUp: number | null;
  /** Reads the whole conversation again, what no poll could read included. */
  reload: () => void;
}

const API = { listItems, getItem };

/**
 * Watches a transcript read from an API source: polls its newest end and its items in progress, and writes what
 * changed into the item stream's cache entry, the one place the index is fed from, until the reader turns it off
 * (remembered in this browser) or nothing changes for a while. Other origins never poll.
 */
export function useLiveUpdates(target: { source: string; conversationId: string } | null, index: TranscriptIndex): LiveUpdates | null {
  // The reader's own choice is remembered in this browser (a reader who turned Live off finds it off on the next
  // transcript); a stop after a quiet period is not.
  const [on, chooseOn, setOn] = useRememberedSwitch('conversation-viewer:live', true);
  const [stopped, setStopped] = useState<{ minutes: number; byFailures: boolean } | null>(null);
  const [clock] = useState(() => new LiveClock(Date.now()));
  const client = useQueryClient();
  const newestId = index.newestId;
  const noIds = newestId === undefined && index.complete;
  const waiting = newestId === undefined && !noIds;

  const liveKey = ['conversations', target?.source, target?.conversationId, 'items', 'live'];
  const query = useQuery({
    queryKey: liveKey,
    queryFn: async ({ signal }) => {
      if (!target) throw new Error('No source to watch.');
      const { queryKey } = itemStreamQueryOptions(target.source, target.conversationId);
      // The index takes a long run's pages a slice per render, and live changes after them: until it has the last
      // poll's, this poll waits its turn.
      const cached = client.getQueryData(queryKey);
      if (cached && !index.hasAppliedLiveChanges(cached)) return { added: 0, behind: false, catchingUp: false };
      const commit = (changes: LiveChanges) => client.setQueryData(queryKey, (state) => state && addLiveChanges(state, changes));
      const stopWhenQuiet = (failed: boolean) => {
        const anyInProgress = index.inProgress.size > 0;
        if (!clock.shouldStop(Date.now(), anyInProgress)) return;
        setOn(false);
        setStopped({ minutes: (anyInProgress ? IDLE_STOP_MS : QUIET_STOP_MS) / 60_000, byFailures: failed && clock.onlyFailedSinceChange() });
      };
      try {
        const result = await runLivePoll(API, target, index, clock, commit, signal);
        stopWhenQuiet(false);
        return result;
      } catch (error) {
        // Polls that keep failing end too: the watch has an end whatever the source answers.
        if (!signal.aborted) stopWhenQuiet(true);
        throw error;
      }
    },
    enabled: target !== null && on && newestId !== undefined,
    refetchInterval: () => clock.nextDelay(Date.now()),
    // Hidden tabs do not poll; coming back looks at once.
    refetchIntervalInBackground: false,
    // Unless a 429 asked for a wait that has not passed.
    refetchOnWindowFocus: () => clock.mayPoll(Date.now()),
    staleTime: 3_000,
    gcTime: 0,
    retry: false,
    structuralSharing: false,
  });

  if (!target) return null;
  return {
    on,
    toggle: () => {
      if (!on) clock.restart(Date.now());
      setStopped(null);
      chooseOn(!on);
    },
    stoppedAfterMinutes: on ? null : (stopped?.minutes ?? null),
    stoppedByFailures: !on && (stopped?.byFailures ?? false),
    waiting,
    noIds,
    checking: query.isFetching,
    lastUpdatedAt: query.dataUpdatedAt || null,
    error: query.error,
    nextCheckAt: () => clock.nextAt(Date.now()),
    behind: query.data?.behind ?? false,
    catchingUp: query.data?.catchingUp ? query.data.added : null,
    reload: () => {
      // A poll under way would write what it read into the read that starts over: it is cancelled, and what it had
      // said cleared once it has gone (a cancelled query puts its last answer back).
      const clear = () => client.setQueryData(liveKey, { added: 0, behind: false, catchingUp: false });
      clear();
      void client.cancelQueries({ queryKey: liveKey }).then(clear);
      void client.resetQueries({ queryKey: itemStreamQueryOptions(target.source, target.conversationId).queryKey });
    },
  };
}
