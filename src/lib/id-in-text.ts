// What the home form says of pasted text that is not an ID, and the transcript and snapshot pages of a link's: one
// reason, said the same way wherever the ID came from.
import { isConversationId } from './ids';

/** `conv_` and the 200 characters `CONVERSATION_ID_PATTERN` allows after it. */
const MAX_ID_LENGTH = 205;
const CONVERSATION_IN_TEXT = /conv_[^\s/?#&"'<>]*/;

/** `generic`: the text is nothing this reader recognises, so the message can only say what it takes. */
export type ConversationIdInText = { ok: true; conversationId: string } | { ok: false; message: string; generic?: true };

/**
 * The conversation ID in text that is not one by itself (`see conv_x today`), or why there is none, as specifically as
 * the text allows: an ID broken by a space, too long, with characters an ID cannot have, or an item's ID.
 */
export function conversationIdInText(text: string): ConversationIdInText {
  // An ID broken by a space (pasted across lines): cut at the space, it would open another conversation.
  const broken = /^(conv_[A-Za-z0-9_-]+)\s+[A-Za-z0-9_-]+$/.exec(text);
  if (broken) return { ok: false, message: `A conversation ID has no spaces, and this one has: “${text.slice(0, 80)}”. Paste the ID whole.` };
  const embedded = text.match(CONVERSATION_IN_TEXT)?.[0];
  if (embedded && isConversationId(embedded)) return { ok: true, conversationId: embedded };
  if (embedded) {
    const shown = embedded.length > 60 ? `${embedded.slice(0, 60)}…` : embedded;
    // Every character allowed, and still no ID: it is longer than any ID can be.
    if (/^conv_[A-Za-z0-9_-]+$/.test(embedded)) {
      return { ok: false, message: `“${shown}” is too long for a conversation ID: it has ${embedded.length} characters, and an ID has at most ${MAX_ID_LENGTH}.` };
    }
    return { ok: false, message: `“${shown}” is not a valid conversation ID: after conv_ come only letters, digits, _ and -.` };
  }
  if (/^https?:\/\/(chat\.openai\.com|chatgpt\.com)\//i.test(text)) {
    return { ok: false, message: 'ChatGPT chats are not kept in the Conversations API. Paste the ID of a conversation your application created; it starts with conv_.' };
  }
  if (/^(msg|fc|fco|rs|resp)_/.test(text)) {
    return { ok: false, message: 'That looks like an item or response ID. Paste the conversation ID; it starts with conv_.' };
  }
  return { ok: false, message: 'That is not a conversation ID. Conversation IDs start with conv_.', generic: true };
}

/** What a snapshot link whose ID cannot be one (cut short when copied) says: of the snapshot, not of conversation IDs. */
export function brokenSnapshotLink(id: string): string {
  return `That snapshot link is not whole: its ID “${id.slice(0, 80)}” is not one. Snapshot IDs are 16 to 64 letters, digits, _ or -; copy the link again.`;
}
