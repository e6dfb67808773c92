/** A conversation's title, as the viewer shows it over a transcript and names a snapshot that was given none. */

const TITLE_WORDS = 10;
/** First sentences up to this many words are the title whole, rather than cut at TITLE_WORDS in their middle. */
const SENTENCE_WORDS = 16;
const TITLE_FIELDS = ['title', 'name', 'topic'];

/** Fewer words than this are a greeting ("Hi!"), not a title: the sentences after it come with it. */
const SENTENCE_MIN_WORDS = 4;

/**
 * The first sentence (with the next ones while it is a greeting of a few words) when it ends within `words` words, its
 * closing full stop left off; else the first ten words.
 */
function firstSentencesOrWords(text: string, words: number): string {
  const start = (text.length > words * 64 ? text.slice(0, words * 64) : text).replace(/\s+/g, ' ').trim();
  for (const end of start.matchAll(/[.?!](?=\s|$)/g)) {
    const sentences = start.slice(0, end.index + 1);
    const count = sentences.split(' ').length;
    if (count > words) break;
    if (count >= SENTENCE_MIN_WORDS) return sentences.endsWith('.') ? sentences.slice(0, -1) : sentences;
  }
  return firstWords(text, TITLE_WORDS);
}

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
  return firstUserText ? clean(firstSentencesOrWords(firstUserText.replace(CONTROLS, ' '), SENTENCE_WORDS)) : null;
}
