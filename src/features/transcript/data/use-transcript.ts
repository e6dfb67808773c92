import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { conversationQueryOptions } from '../api/get-conversation';
import { snapshotItemsQueryOptions } from '../api/snapshot-items';
import { itemStreamQueryOptions } from '../api/stream-items';
import { sliceDeadline } from '../../../lib/work-in-slices';
import { useLiveUpdates, type LiveUpdates } from '../live/use-live-updates';
import type { Conversation, ConversationItem } from '../types';
import type { StreamedItems } from './streamed-items';
import { TranscriptIndex } from './transcript-index';
import { transcriptStatus, type TranscriptStatus } from './transcript-status';

/** Where a transcript comes from. Each origin has an adapter below; the view never knows which one fed it. */
export type TranscriptOrigin =
  | { kind: 'api'; source: string; conversationId: string }
  /** A stored snapshot: its conversation object comes with it, its items from the viewer's store. */
  | { kind: 'snapshot'; snapshotId: string; conversationId: string; conversation: Conversation }
  /** A local file, read in the browser: its items arrive a page at a time, so the first rows show at once. */
  | { kind: 'file'; name: string; conversationId: string; conversation: Conversation; items: ArrivingPages };

/** Pages of items that grow until complete, and say when they do. */
export interface ArrivingPages {
  readonly pages: readonly (readonly ConversationItem[])[];
  /** Every item received so far, shown or not yet (a file's): what a snapshot of it stores. */
  readonly all?: readonly ConversationItem[];
  readonly complete: boolean;
  readonly version: number;
  /** Why the rest never came, when reading them failed part way (a file); what came before stays. */
  readonly failure?: string | null;
  subscribe: (listener: () => void) => () => void;
}

const NO_PAGES: ArrivingPages = { pages: [], complete: true, version: 0, subscribe: () => () => undefined };

export interface TranscriptLoad {
  /** Still reading, stopped by the reader, failed partway, or everything is here. */
  state: 'loading' | 'stopped' | 'failed' | 'complete';
  /** The failure that ended loading, or the one being retried. */
  error: unknown;
  retrying: boolean;
  stop: () => void;
  /** Reads the rest, after each end's last item. */
  resume: () => void;
}

export interface Transcript {
  conversation: Conversation | undefined;
  conversationError: unknown;
  retryConversation: () => void;
  index: TranscriptIndex;
  /** Changes whenever the index does. */
  version: number;
  hasItems: boolean;
  load: TranscriptLoad;
  status: TranscriptStatus;
  /** Watching for new and changed items; null for origins that never change. */
  live: LiveUpdates | null;
}

interface OriginData {
  conversation: Conversation | undefined;
  conversationError: unknown;
  retryConversation: () => void;
  items: StreamedItems | undefined;
  itemsError: unknown;
  failureReason: unknown;
  failureCount: number;
  fetching: boolean;
  stop: () => void;
  resume: () => void;
}

/** The API origin: the conversation object, and its items streamed from both ends by the viewer's server. */
function useApiOrigin(origin: TranscriptOrigin): OriginData {
  const enabled = origin.kind === 'api';
  const source = enabled ? origin.source : '';
  const client = useQueryClient();
  const conversation = useQuery({ ...conversationQueryOptions(source, origin.conversationId), enabled });
  const options = itemStreamQueryOptions(source, origin.conversationId);
  const items = useQuery({ ...options, enabled });
  return {
    conversation: conversation.data,
    conversationError: conversation.error,
    retryConversation: () => void conversation.refetch(),
    ...itemsState(items, () => void client.cancelQueries({ queryKey: options.queryKey })),
  };
}

/** What an items query tells the view, and how to stop and resume it. */
function itemsState(items: UseQueryResult<StreamedItems>, stop: () => void) {
  const { refetch } = items;
  return {
    items: items.data,
    itemsError: items.error,
    failureReason: items.failureReason,
    failureCount: items.failureCount,
    fetching: items.isFetching,
    stop,
    resume: () => void refetch(),
  };
}

/** The snapshot origin: the conversation object it was stored with, and its stored items in pages. */
function useSnapshotOrigin(origin: TranscriptOrigin): OriginData {
  const enabled = origin.kind === 'snapshot';
  const client = useQueryClient();
  const options = snapshotItemsQueryOptions(enabled ? origin.snapshotId : '');
  const items = useQuery({ ...options, enabled });
  return {
    conversation: enabled ? origin.conversation : undefined,
    conversationError: null,
    retryConversation: () => undefined,
    ...itemsState(items, () => void client.cancelQueries({ queryKey: options.queryKey })),
  };
}

function useFileOrigin(origin: TranscriptOrigin): OriginData {
  const arriving = origin.kind === 'file' ? origin.items : NO_PAGES;
  const version = useSyncExternalStore(arriving.subscribe, () => arriving.version);
  const items = useMemo<StreamedItems | undefined>(
    () => (origin.kind === 'file' ? { head: [...arriving.pages], tail: [], complete: arriving.complete } : undefined),
    // `version` changes as pages arrive; the pages grow in place.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [origin.kind, arriving, version],
  );
  return {
    conversation: origin.kind === 'file' ? origin.conversation : undefined,
    conversationError: null,
    retryConversation: () => undefined,
    items,
    itemsError: null,
    failureReason: null,
    failureCount: 0,
    fetching: origin.kind === 'file' && !arriving.complete,
    stop: () => undefined,
    resume: () => undefined,
  };
}

/** How long one render may spend reading new items into the index. */
const INGEST_SLICE_MS = 6;
/** The render that shows the first rows also builds the page's first rows in the DOM and lays them out: it reads less. */
const FIRST_SLICE_MS = 3;

export function useTranscript(origin: TranscriptOrigin): Transcript {
  // Every adapter is always called, in the same order; only the one for this origin fetches anything.
  const fromApi = useApiOrigin(origin);
  const fromSnapshot = useSnapshotOrigin(origin);
  const fromFile = useFileOrigin(origin);
  const data = origin.kind === 'api' ? fromApi : origin.kind === 'snapshot' ? fromSnapshot : fromFile;

  // One index per transcript, fed each new state; a state that does not continue it (a reset) starts it over.
  // Each render reads at most a slice of what is new, and the next slice gets a render of its own, so a long run's
  // pages never hold the page's thread in one long task.
  const [index] = useState(() => new TranscriptIndex());
  const [slice, setSlice] = useState(0);
  const version = useMemo(() => {
    if (!data.items) return 0;
    const shouldStop = sliceDeadline(index.itemCount === 0 ? FIRST_SLICE_MS : INGEST_SLICE_MS);
    if (!index.sync(data.items, shouldStop)) {
      index.reset();
      index.sync(data.items, shouldStop);
    }
    return index.version;
    // `slice` asks for the next slice of the same state.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [data.items, index, slice]);
  const behind = index.behind;
  useEffect(() => {
    if (!behind) return;
    const timer = setTimeout(() => setSlice((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [behind, version]);
  const live = useLiveUpdates(origin.kind === 'api' ? origin : null, index);

  const complete = (data.items?.complete ?? false) && !behind;
  const hasItems = data.items !== undefined && (complete || index.itemCount > 0);
  const { fetching, resume } = data;

  // Items still being read into the index are loading, even once the stream itself has ended.
  const state: TranscriptLoad['state'] = complete ? 'complete' : data.itemsError ? 'failed' : fetching || behind ? 'loading' : hasItems ? 'stopped' : 'loading';
  return {
    conversation: data.conversation,
    conversationError: data.conversationError,
    retryConversation: data.retryConversation,
    index,
    version,
    hasItems,
    load: {
      state,
      error: data.itemsError ?? (fetching ? data.failureReason : null),
      retrying: fetching && Boolean(data.failureReason),
      stop: data.stop,
      resume,
    },
    live,
    status: transcriptStatus({
      hasItems,
      itemsError: data.itemsError,
      conversationError: data.conversationError,
      failureReason: data.failureReason,
      failureCount: data.failureCount,
    }),
  };
}
