import type { ExportSource } from '../../../shared/export/export-document';
import type { RedactKind } from '../../../shared/snapshots/pseudonyms';
import type { ContentCategory, ShareRules } from '../../../shared/snapshots/share-filter';
import type { NewSnapshot } from '../api/snapshots';

export const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never', days: null },
  { value: '1d', label: '1 day', days: 1 },
  { value: '7d', label: '7 days', days: 7 },
  { value: '30d', label: '30 days', days: 30 },
] as const;

export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];

export interface ShareChoices {
  title: string;
  expiry: ExpiryChoice;
  leaveOutSystem: boolean;
  /** Content left out wherever it sits inside items. */
  content: readonly ContentCategory[];
  /** Personal data and secrets replaced with pseudonyms. */
  kinds: readonly RedactKind[];
  /** Literal terms to replace, one a line. */
  terms: string;
  /** Single items ticked in the list. */
  itemIds: readonly string[];
}

export const INITIAL_CHOICES: ShareChoices = { title: '', expiry: '7d', leaveOutSystem: true, content: [], kinds: [], terms: '', itemIds: [] };

/** What to take a snapshot of: a conversation of a source, or a file this page opened. */
export type SnapshotTarget =
  | { kind: 'source'; source: string; conversationId: string }
  /** `source`: where the file says it was read (a viewer's own export names it), kept in a download of it. */
  | { kind: 'file'; conversation: { id?: string }; items: readonly { id?: string; type: string }[]; source?: ExportSource | null };

export function termsOf(text: string): string[] {
  return [...new Set(text.split('\n').map((term) => term.trim()).filter(Boolean))];
}

/** The choices as rules: the same for a snapshot, its preview and a download. */
export function shareRules(choices: ShareChoices): Required<ShareRules> {
  return {
    exclude: { roles: choices.leaveOutSystem ? ['system', 'developer'] : [], item_ids: [...new Set(choices.itemIds)], content: [...choices.content] },
    redact: { kinds: [...choices.kinds], terms: termsOf(choices.terms) },
  };
}

/** The dialog's choices as the request the server takes. */
export function snapshotRequest(target: SnapshotTarget, choices: ShareChoices, now = Date.now()): NewSnapshot {
  const days = EXPIRY_CHOICES.find((choice) => choice.value === choices.expiry)?.days ?? null;
  return {
    ...(target.kind === 'source' ? { source: target.source, conversation_id: target.conversationId } : { file: { conversation: target.conversation, items: target.items } }),
    ...(choices.title.trim() ? { title: choices.title.trim() } : {}),
    ...(days ? { expires_at: new Date(now + days * 86_400_000).toISOString() } : {}),
    ...shareRules(choices),
  };
}

/** Who can read a snapshot's link, as the viewer's `VIEWER_SNAPSHOTS` has it (`private`: its access control applies). */
export function snapshotReaders(mode: 'public' | 'private' | 'off' | undefined): string {
  return mode === 'private' ? 'Only people with access to this viewer can read it, with its link.' : 'Anyone with the link can read it, even without access to this viewer.';
}
