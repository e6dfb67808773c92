import type { PseudonymKind } from './pseudonyms.ts';
import type { ShareManifest } from './share-filter.ts';
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
export function leftOutText(manifest: { left_out: Partial<ShareManifest['left_out']> }): string | null {
  const parts = LEFT_OUT.filter(([key]) => (manifest.left_out[key] ?? 0) > 0).map(([key, one, many]) => count(manifest.left_out[key]!, one, many));
  return parts.length ? parts.join(', ') : null;
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
