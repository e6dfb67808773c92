import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client';
import { snapshotPreviewPath } from '../../../shared/contract/api-paths';
import type { ShareRules } from '../../../shared/snapshots/share-filter';
import type { SnapshotPreview } from '../../../shared/snapshots/snapshot-meta';
import type { SnapshotTarget } from '../lib/snapshot-request';

export type { SnapshotPreview };

const targetKey = (target: SnapshotTarget) => (target.kind === 'source' ? [target.source, target.conversationId] : ['file', target.conversation.id ?? null, target.items.length]);

/** A conversation of a source is read by the server; a file this page opened is previewed here, without uploading it. */
export const snapshotPreviewQueryOptions = (target: SnapshotTarget, rules: Required<ShareRules>) =>
  queryOptions({
    queryKey: ['snapshots', 'preview', ...targetKey(target), rules],
    queryFn: async ({ signal }) => {
      if (target.kind === 'source') return sendJson<SnapshotPreview>('POST', snapshotPreviewPath(), { source: target.source, conversation_id: target.conversationId, ...rules }, signal);
      const { previewLocally } = await import('../lib/local-share');
      return previewLocally(target.conversation, target.items, rules, signal);
    },
    placeholderData: keepPreviousData,
    // Read again each time the dialog opens: a live conversation may have grown since (the last answer shows meanwhile).
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
