import { queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client';
import { snapshotPath, snapshotsPath } from '../../../shared/contract/api-paths';
import type { ShareRules } from '../../../shared/snapshots/share-filter.ts';
import type { SnapshotSummary } from '../../../shared/snapshots/snapshot-meta.ts';

export type { SnapshotSummary };

export interface SnapshotDetail extends SnapshotSummary {
  conversation: { id?: string; created_at?: number | string | null; metadata?: Record<string, unknown> | null };
}

interface SnapshotChoices extends ShareRules {
  title?: string;
  expires_at?: string;
}

/** Read from a source by the server, or sent whole from a file the browser opened. */
export type NewSnapshot =
  | (SnapshotChoices & { source: string; conversation_id: string })
  | (SnapshotChoices & { file: { conversation: { id?: string }; items: readonly { id?: string; type: string }[] } });

export const createSnapshot = (request: NewSnapshot) => sendJson<SnapshotSummary>('POST', snapshotsPath(), request);

export const revokeSnapshot = (id: string) => sendJson<{ id: string; revoked: true }>('DELETE', snapshotPath(id));

export const snapshotListQueryOptions = () =>
  queryOptions({
    queryKey: ['snapshots', 'list'],
    queryFn: ({ signal }) => getJson<{ data: SnapshotSummary[] }>(snapshotsPath(), signal).then((answer) => answer.data),
  });

export const snapshotQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['snapshots', 'one', id],
    queryFn: ({ signal }) => getJson<SnapshotDetail>(snapshotPath(id), signal),
    staleTime: Infinity,
  });
