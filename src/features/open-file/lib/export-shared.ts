import type { ExportShared } from '../../../shared/export/export-document';
import { formatCount, formatLocalTime, plural } from '../../../shared/format';
import { itemLabel } from '../../../shared/items/item-catalog';
import { exportedSnapshotText, rulesText } from '../../../shared/snapshots/manifest-text';
import { CONTENT_CATEGORIES, type ContentCategory } from '../../../shared/snapshots/share-filter';
import type { LeftOutOnScreen } from '../../transcript/lib/left-out';

const categories = (names: readonly string[] | undefined): ContentCategory[] => (names ?? []).filter((name): name is ContentCategory => (CONTENT_CATEGORIES as readonly string[]).includes(name));

/** What a snapshot's or a rules download's export left out, for the page to mark as the snapshot's page does. */
export function sharedLeftOut(shared: ExportShared | undefined): LeftOutOnScreen | null {
  if (shared?.snapshot) {
    const { rules, left_out: leftOut, original } = shared.snapshot;
    return { by: 'snapshot', content: categories(rules?.content), reasoning: leftOut?.reasoning, originalFailures: original?.failures };
  }
  if (shared?.rules) return { by: 'download', content: categories(shared.rules.content) };
  return null;
}

/**
 * What the file is, when an export says it was shared: "An export of the snapshot “CI triage”, taken 2026-12-08 09:14
 * UTC, of 35 items (15 left out). Left out: …. Replaced: …. The original run: 50 items, 2 failures."
 */
export function sharedText(shared: ExportShared | undefined): string | null {
  if (shared?.snapshot) {
    const { title, created_at: createdAt, item_count: items, excluded_count: excluded, original } = shared.snapshot;
    const taken = Number.isNaN(Date.parse(createdAt)) ? '' : `, taken ${formatLocalTime(new Date(createdAt))}`;
    const { leftOut: left, replaced: swapped } = exportedSnapshotText(shared.snapshot);
    const run = original?.items ? ` The original run: ${plural(original.items, 'item')}, ${original.failures ? plural(original.failures, 'failure') : 'no failures'}.` : '';
    return [
      `An export of the snapshot${title ? ` “${title}”` : ''}${taken}, of ${plural(items, 'item')}${excluded ? ` (${formatCount(excluded)} left out)` : ''}.`,
      left ? ` Left out: ${left}.` : '',
      swapped ? ` Replaced: ${swapped}.` : '',
      run,
    ].join('');
  }
  if (shared?.rules) {
    const { leftOut, replaced } = rulesText(shared.rules, itemLabel);
    return `A download made with rules.${leftOut ? ` Left out: ${leftOut}.` : ''}${replaced ? ` Replaced: ${replaced}.` : ''}`;
  }
  return null;
}
