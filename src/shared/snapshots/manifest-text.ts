import { itemLabel } from '../items/item-catalog.ts';
import type { PseudonymKind } from './pseudonyms.ts';
import type { ContentCategory, ShareManifest } from './share-filter.ts';
import { formatCount } from '../format.ts';

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

const LEFT_OUT: [keyof ShareManifest['left_out'], string, string][] = [
  ['items', 'item', 'items'],
  ['tool_outputs', 'tool output', 'tool outputs'],
  ['reasoning', 'reasoning item', 'reasoning items'],
  ['images', 'image', 'images'],
  ['encrypted', 'encrypted content', 'encrypted contents'],
];

export const REPLACED_NAMES: Record<PseudonymKind, [string, string]> = {
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  secret: ['key', 'keys'],
  ip: ['IP address', 'IP addresses'],
  term: ['term', 'terms'],
};

/** "12 tool outputs, 3 reasoning items": what was left out, largest categories first as the reader ticked them. */
export function leftOutText(manifest: { left_out: Partial<ShareManifest['left_out']>; rules?: RulesWords }): string | null {
  const parts = LEFT_OUT.filter(([key]) => (manifest.left_out[key] ?? 0) > 0).map(([key, one, many]) =>
    key === 'items' ? wholeItemsText(manifest.left_out.items!, manifest.rules) : count(manifest.left_out[key]!, one, many),
  );
  return parts.length ? parts.join(', ') : null;
}

/**
 * Whole items left out, and why when the rules are known: "3 items (system and developer messages, 1 chosen)", or
 * "2 chosen items" when the author chose them all.
 */
function wholeItemsText(items: number, rules: RulesWords | undefined): string {
  if (!rules) return count(items, 'item', 'items');
  const kinds = itemReasons({ ...rules, item_ids: 0 }, itemLabel);
  if (kinds.length === 0 && rules.item_ids > 0) return count(items, 'chosen item', 'chosen items');
  const why = [...kinds, ...(rules.item_ids ? [`${formatCount(rules.item_ids)} chosen`] : [])];
  return `${count(items, 'item', 'items')}${why.length ? ` (${why.join(', ')})` : ''}`;
}

type RulesWords = { roles: readonly string[]; types: readonly string[]; item_ids: number };

/** A label inside a sentence: "web search", but "MCP call" as it is. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

/** Why rules leave whole items out: "system and developer messages", "web search items", "2 chosen items". */
function itemReasons(rules: RulesWords, labelOf: (type: string) => string): string[] {
  const roles = rules.roles.length ? [`${rules.roles.join(' and ')} messages`] : [];
  return [...roles, ...rules.types.map((type) => `${inSentence(labelOf(type))} items`), ...(rules.item_ids ? [count(rules.item_ids, 'chosen item', 'chosen items')] : [])];
}

/** "2 email addresses, 1 key". */
export function replacedText(manifest: Pick<ShareManifest, 'replaced'>): string | null {
  const parts = (Object.keys(REPLACED_NAMES) as PseudonymKind[])
    .filter((kind) => (manifest.replaced[kind] ?? 0) > 0)
    .map((kind) => count(manifest.replaced[kind]!, ...REPLACED_NAMES[kind]));
  return parts.length ? parts.join(', ') : null;
}

/** The one line a banner or preview shows: "Left out: …; replaced: …", or null when the snapshot is whole. */
export function manifestSummary(manifest: ShareManifest): string | null {
  const left = leftOutText(manifest);
  const replaced = replacedText(manifest);
  if (!left && !replaced) return null;
  return [left && `Left out: ${left}`, replaced && `${left ? 'replaced' : 'Replaced'}: ${replaced}`].filter(Boolean).join('; ');
}

/** "The original run: 50 items, 21 tool calls, 2 failures." */
export function originalRunText(manifest: ShareManifest): string {
  const { items, tool_calls, failures } = manifest.original;
  return `The original run: ${count(items, 'item', 'items')}, ${count(tool_calls, 'tool call', 'tool calls')}, ${failures ? count(failures, 'failure', 'failures') : 'no failures'}.`;
}

/** What each content category holds, as a sentence names it. */
export const CONTENT_NAMES: Record<ContentCategory, string> = { tool_outputs: 'tool outputs', reasoning: 'reasoning', images: 'images', encrypted: 'encrypted content' };

/**
 * What a download's rules leave out and replace, before any item is read (so by kind, not count): "system and
 * developer messages, 3 chosen items, tool outputs" and "email addresses, 2 terms".
 */
export function rulesText(rules: { roles: readonly string[]; types: readonly string[]; item_ids: number; content: readonly string[]; kinds: readonly string[]; terms: number }, labelOf: (type: string) => string): { leftOut: string | null; replaced: string | null } {
  const left = [...itemReasons(rules, labelOf), ...rules.content.map((category) => (CONTENT_NAMES as Record<string, string>)[category] ?? category)];
  const names = REPLACED_NAMES as Record<string, [string, string] | undefined>;
  const kinds = rules.kinds.flatMap((kind) => (kind !== 'term' && names[kind] ? [names[kind][1]] : []));
  const replaced = [...kinds, ...(rules.terms ? [count(rules.terms, 'term', 'terms')] : [])];
  return { leftOut: left.length ? left.join(', ') : null, replaced: replaced.length ? replaced.join(', ') : null };
}

/**
 * What a snapshot's export says it left out and replaced, in the words of the snapshot's page: the export's copy of
 * the manifest, whose rules a file may hold in part.
 */
export function exportedSnapshotText(snapshot: { left_out?: Partial<ShareManifest['left_out']>; replaced?: ShareManifest['replaced']; rules?: Partial<RulesWords> }): {
  leftOut: string | null;
  replaced: string | null;
} {
  const { left_out: leftOut, replaced, rules } = snapshot;
  const words = rules ? { roles: rules.roles ?? [], types: rules.types ?? [], item_ids: rules.item_ids ?? 0 } : undefined;
  return { leftOut: leftOut ? leftOutText({ left_out: leftOut, rules: words }) : null, replaced: replaced ? replacedText({ replaced }) : null };
}
