/** A conversation's title, as the viewer shows it over a transcript and names a snapshot that was given none. */

const TITLE_WORDS = 10;
const TITLE_FIELDS = ['title', 'name', 'topic'];

function firstWords(text: string, words: number): string {
  // A title needs the first few words: a text of millions of characters is not split whole for them.
  const start = text.length > words * 64 ? text.slice(0, words * 64) : text;
  const all = start.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : start.length < text.length ? `${all.join(' ')}…` : all.join(' ');
}

/** The longest title, in characters: a snapshot's title given by its author is held to the same. */
export const MAX_TITLE_CHARS = 200;
/** Control characters (a NUL, which PostgreSQL refuses in text) and direction controls, which would reorder the title. */
// oxlint-disable-next-line no-control-regex -- matching them is the point
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function clean(title: string): string | null {
  const text = title.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  // Cut between characters, never inside a surrogate pair.
  const chars = Array.from(text.slice(0, MAX_TITLE_CHARS * 2));
  const cut = chars.length > MAX_TITLE_CHARS || text.length > MAX_TITLE_CHARS * 2;
  return cut ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('').trimEnd()}…` : text;
}

/** Metadata title, name or topic when there is one; else the first words of the first user message. */
export function conversationTitle(conversation: { metadata?: unknown } | undefined, firstUserText: string | null): string | null {
  const metadata = conversation?.metadata && typeof conversation.metadata === 'object' ? (conversation.metadata as Record<string, unknown>) : {};
  for (const field of TITLE_FIELDS) {
    const value = metadata[field];
    if (typeof value === 'string' && clean(value)) return clean(firstWords(value.replace(CONTROLS, ' '), 20));
  }
  return firstUserText ? clean(firstWords(firstUserText.replace(CONTROLS, ' '), TITLE_WORDS)) : null;
}
