import type { ConversationItem } from '../../../shared/contract/shapes';
import { stringifyJson } from '../../../lib/stringify-deep';
import { utf8Length } from '../../../lib/utf8-length';
import { forEachInSlices } from '../../../lib/work-in-slices';
import { ShareFilter, type ShareRules } from '../../../shared/snapshots/share-filter';
import type { SnapshotPreview } from '../api/snapshot-preview';

type Item = ConversationItem;

/** A copy the filter may change: the page's own items stay as they are. Parsing has no depth limit; stringifyJson has none either. */
const copy = <T,>(value: T): T => JSON.parse(stringifyJson(value)) as T;

/**
 * Applies the rules to a conversation this page holds (an opened file), in slices that yield to the page between
 * them; the same filter the server applies to snapshots and downloads.
 */
export async function shareLocally(conversation: Record<string, unknown>, items: readonly Item[], rules: ShareRules, signal?: AbortSignal) {
  const filter = new ShareFilter(rules);
  const shared = filter.conversation(copy(conversation));
  const kept: Item[] = [];
  signal?.throwIfAborted();
  await forEachInSlices(items, (item) => {
    const result = filter.item(copy(item));
    if (result) kept.push(result);
  }, signal);
  return { conversation: shared, items: kept, filter };
}

/** What a snapshot of this file would hold, worked out here: the file is not uploaded for a preview. */
export async function previewLocally(conversation: Record<string, unknown>, items: readonly Item[], rules: ShareRules, signal?: AbortSignal): Promise<SnapshotPreview> {
  const { items: kept, filter } = await shareLocally(conversation, items, rules, signal);
  let bytes = 0;
  // In UTF-8 bytes, as the server counts a stored snapshot's size.
  for (const item of kept) bytes += utf8Length(stringifyJson(item));
  return { object: 'snapshot.preview', item_count: kept.length, byte_size: bytes, manifest: filter.manifest(), samples: filter.samples() };
}
