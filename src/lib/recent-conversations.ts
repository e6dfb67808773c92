import { isConversationId } from './ids';

export interface RecentConversation {
  conversationId: string;
  source: string;
  openedAt: number;
  /** The conversation's title, when it has one: metadata title, or the first words of its first user message. */
  title?: string;
}

const KEY = 'conversation-viewer:recent';
const MAX_RECENT = 10;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStore(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isRecent(value: unknown): value is RecentConversation {
  const entry = value as RecentConversation | null;
  return (
    !!entry &&
    typeof entry.conversationId === 'string' &&
    isConversationId(entry.conversationId) &&
    typeof entry.source === 'string' &&
    entry.source.length <= 40 &&
    typeof entry.openedAt === 'number' &&
    (entry.title === undefined || (typeof entry.title === 'string' && entry.title.length <= 200))
  );
}

/** The conversations this browser opened last, newest first; anything unreadable is ignored. */
export function readRecent(store: Store | null = defaultStore()): RecentConversation[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function rememberConversation(entry: RecentConversation, store: Store | null = defaultStore()): void {
  const others = readRecent(store).filter((recent) => recent.conversationId !== entry.conversationId || recent.source !== entry.source);
  try {
    store?.setItem(KEY, JSON.stringify([entry, ...others].slice(0, MAX_RECENT)));
  } catch {
    // Storage full or blocked: the list is a convenience, the transcript works without it.
  }
}

export function forgetRecent(store: Store | null = defaultStore()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // As above.
  }
}

/** Takes one conversation off the list, leaving the others as they were. */
export function forgetConversation(entry: Pick<RecentConversation, 'conversationId' | 'source'>, store: Store | null = defaultStore()): RecentConversation[] {
  const kept = readRecent(store).filter((recent) => recent.conversationId !== entry.conversationId || recent.source !== entry.source);
  try {
    if (kept.length) store?.setItem(KEY, JSON.stringify(kept));
    else store?.removeItem(KEY);
  } catch {
    // As above.
  }
  return kept;
}

/**
 * Puts back entries taken off the list (an undone Clear or Forget), beside any opened since, newest first; the list
 * as it is now.
 */
export function restoreRecent(entries: readonly RecentConversation[], store: Store | null = defaultStore()): RecentConversation[] {
  const now = readRecent(store);
  const keyOf = (entry: RecentConversation) => `${entry.source}/${entry.conversationId}`;
  const held = new Set(now.map(keyOf));
  const merged = [...now, ...entries.filter((entry) => !held.has(keyOf(entry)))].sort((a, b) => b.openedAt - a.openedAt).slice(0, MAX_RECENT);
  try {
    store?.setItem(KEY, JSON.stringify(merged));
  } catch {
    // As above.
  }
  return merged;
}
