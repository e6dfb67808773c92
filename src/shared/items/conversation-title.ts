/** A conversation's title, as the viewer shows it over a transcript and names a snapshot that was given none. */

const TITLE_WORDS = 10;
const TITLE_FIELDS = ['title', 'name', 'topic'];

function firstWords(text: string, words: number): string {
  // A title needs the first few words: a text of millions of characters is not split whole for them.
  const start = text.length > words * 64 ? text.slice(0, words * 64) : text;
  const all = start.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : start.length < text.length ? `${all.join(' ')}…` : all.join(' ');
}

/** Metadata title, name or topic when there is one; else the first words of the first user message. */
export function conversationTitle(conversation: { metadata?: unknown } | undefined, firstUserText: string | null): string | null {
  const metadata = conversation?.metadata && typeof conversation.metadata === 'object' ? (conversation.metadata as Record<string, unknown>) : {};
  for (const field of TITLE_FIELDS) {
    const value = metadata[field];
    if (typeof value === 'string' && value.trim()) return firstWords(value, 20);
  }
  return firstUserText ? firstWords(firstUserText, TITLE_WORDS) || null : null;
}
