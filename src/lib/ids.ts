/** Patterns shared by the browser (before any request) and the proxy (before anything goes upstream). */
export const CONVERSATION_ID_PATTERN = /^conv_[A-Za-z0-9_-]{1,200}$/;
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;
/** A source's ID, as the viewer's settings allow it (`openai`, `dashscope-intl`, a name from the sources file). */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Snapshot IDs are 16 to 64 URL-safe characters (this viewer makes 24); anything else cannot be one. */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function isConversationId(value: string): boolean {
  return CONVERSATION_ID_PATTERN.test(value);
}

export function isItemId(value: string): boolean {
  return ITEM_ID_PATTERN.test(value);
}

export function isSnapshotId(value: string): boolean {
  return SNAPSHOT_ID_PATTERN.test(value);
}

export function isSourceId(value: string): boolean {
  return SOURCE_ID_PATTERN.test(value);
}

/**
 * The source a link names, as its ID: source IDs are lower-case (every configured one fits `SOURCE_ID_PATTERN`), so
 * `Demo` is the source `demo`. Text that no case makes an ID is left as it came, to be refused by its name.
 */
export function sourceIdOf(value: string): string {
  const lower = value.toLowerCase();
  return isSourceId(lower) ? lower : value;
}
