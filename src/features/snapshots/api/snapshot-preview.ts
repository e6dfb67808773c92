import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client';
import { snapshotPreviewPath } from '../../../shared/contract/api-paths';
import type { Replacement } from '../../../shared/snapshots/pseudonyms';
import type { ShareManifest, ShareRules } from '../../../shared/snapshots/share-filter';
import type { SnapshotTarget } from '../lib/snapshot-request';

/** What a snapshot with these rules would hold; nothing is stored. */
export interface SnapshotPreview {
  object: 'snapshot.preview';
  item_count: number;
  byte_size: number;
  manifest: ShareManifest;
  samples: Replacement[];
}

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
    staleTime: 60_000,
  });
