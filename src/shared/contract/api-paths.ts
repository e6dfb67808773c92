/** The viewer's API paths, built in one place for every client of it; each segment is encoded. */
const segment = encodeURIComponent;

export const sourcesPath = () => '/api/sources';

export const demoExamplesPath = () => '/api/demo-examples';

export const conversationPath = (source: string, conversationId: string) => `/api/sources/${segment(source)}/conversations/${segment(conversationId)}`;

export const itemsPath = (source: string, conversationId: string) => `${conversationPath(source, conversationId)}/items`;

export const itemPath = (source: string, conversationId: string, itemId: string) => `${itemsPath(source, conversationId)}/${segment(itemId)}`;

/** The media type of the item stream's lines (newline-delimited JSON). */
export const ITEM_STREAM_TYPE = 'application/x-ndjson';

export const itemStreamPath = (source: string, conversationId: string) => `${conversationPath(source, conversationId)}/stream`;

export const conversationExportPath = (source: string, conversationId: string) => `${conversationPath(source, conversationId)}/export`;

export const snapshotsPath = () => '/api/snapshots';

export const snapshotPreviewPath = () => '/api/snapshots/preview';

export const snapshotPath = (snapshotId: string) => `/api/snapshots/${segment(snapshotId)}`;

export const snapshotItemsPath = (snapshotId: string) => `${snapshotPath(snapshotId)}/items`;

/** How many of a snapshot's items the browser asks for at a time. */
export const SNAPSHOT_PAGE_SIZE = 1000;

/** The page of a snapshot's items from position `from` on, as the browser asks for it. */
export const snapshotItemsPagePath = (snapshotId: string, from: number) =>
  `${snapshotItemsPath(snapshotId)}?${new URLSearchParams({ limit: String(SNAPSHOT_PAGE_SIZE), from: String(from) })}`;

export const snapshotExportPath = (snapshotId: string) => `${snapshotPath(snapshotId)}/export`;

/**
 * A path with its query, or without one when the query is empty. (Not `query.size`: Safari before 17 and Chrome before
 * 113 do not have it, and a resumed stream would lose its cursors there.)
 */
export function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
