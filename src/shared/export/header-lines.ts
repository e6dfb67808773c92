import { toEpochMilliseconds } from '../../lib/timestamps.ts';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { formatUtcTime } from '../format.ts';
import type { ExportMeta } from './export-document.ts';
import { itemLabel } from '../items/item-catalog.ts';
import { conversationTitle } from '../items/conversation-title.ts';
import { exportedSnapshotText, rulesText } from '../snapshots/manifest-text.ts';

/** A fact of an export's header: its label and value, and for a moment, the moment in ISO 8601. */
export type HeaderFact = [label: string, value: string, iso?: string];

/** A moment as the viewer writes it ("2025-11-30 07:00 UTC", in UTC), with its ISO form; one that is no date as written. */
function timeFact(label: string, at: string | number): HeaderFact {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return [label, String(at)];
  return [label, formatUtcTime(date), date.toISOString()];
}

/** The facts every export states at its top, as label and value. */
export function headerFacts(meta: ExportMeta): HeaderFact[] {
  const facts: HeaderFact[] = [];
  const source = meta.source.label ?? meta.source.id;
  if (meta.snapshot?.origin === 'file') facts.push(['Source', 'a file, not read from a source']);
  else if (source) facts.push(['Source', source]);
  if (meta.conversation.id) facts.push(['Conversation', meta.conversation.id]);
  const created = toEpochMilliseconds(meta.conversation.created_at);
  // A time past the range of dates (nanoseconds, read as milliseconds) is left out, as the page's header leaves it out.
  if (created !== null && !Number.isNaN(new Date(created).getTime())) facts.push(timeFact('Created', created));
  // The conversation's metadata, as the viewer's header lists it: key = value.
  const metadata = meta.conversation.metadata;
  const pairs = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? Object.entries(metadata) : [];
  if (pairs.length) facts.push(['Metadata', pairs.map(([key, value]) => `${key} = ${typeof value === 'string' ? value : stringifyJson(value)}`).join(', ')]);
  if (meta.snapshot) {
    facts.push(timeFact('Snapshot taken', meta.snapshot.created_at));
    facts.push(['Items', `${meta.snapshot.item_count} (${meta.snapshot.excluded_count} left out)`]);
    // In the words of the snapshot's own page.
    const { leftOut: leftOutWords, replaced: replacedWords } = exportedSnapshotText(meta.snapshot);
    if (leftOutWords) facts.push(['Left out', leftOutWords]);
    if (replacedWords) facts.push(['Replaced', replacedWords]);
    if (meta.snapshot.expires_at) facts.push(timeFact('Expires', meta.snapshot.expires_at));
  } else if (meta.rules) {
    // A download with the Share dialog's rules: what they leave out and replace, by kind.
    const words = rulesText(meta.rules, itemLabel);
    if (words.leftOut) facts.push(['Left out', words.leftOut]);
    if (words.replaced) facts.push(['Replaced', words.replaced]);
  }
  facts.push(timeFact('Exported', meta.exported_at));
  return facts;
}

/**
 * The export's title, else the run's as the viewer titles it (from the conversation's metadata, or the first words of
 * its first user message), else its ID.
 */
export function exportTitle(meta: ExportMeta, firstUserText: string | null = null): string {
  return meta.title?.trim() || conversationTitle({ metadata: meta.conversation.metadata }, firstUserText) || (meta.conversation.id ? `Conversation ${meta.conversation.id}` : 'Conversation');
}
