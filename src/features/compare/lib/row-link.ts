import { isItemId } from '../../../lib/ids';
import type { ConversationItem } from '../../transcript/types';
import type { Alignment } from './align-runs';

type Runs = { a: readonly ConversationItem[]; b: readonly ConversationItem[] };

const idOf = (item: ConversationItem | undefined) => (item && typeof item.id === 'string' && isItemId(item.id) ? item.id : null);

/**
 * The fragment of a comparison's link that names an aligned row: `a:<item id>` by run A's item, `b:<item id>` for a
 * row only run B has, so a link copied at a difference opens at it. Null for a row whose item has no ID to name it by.
 */
export function rowFragment(alignment: Pick<Alignment, 'rows' | 'unitsA' | 'unitsB'>, runs: Runs, row: number): string | null {
  const aligned = alignment.rows[row];
  if (!aligned) return null;
  const a = aligned.a >= 0 ? idOf(runs.a[alignment.unitsA[aligned.a].item]) : null;
  if (a) return `a:${a}`;
  const b = aligned.b >= 0 ? idOf(runs.b[alignment.unitsB[aligned.b].item]) : null;
  return b ? `b:${b}` : null;
}

/** The aligned row a link's fragment names (see rowFragment), or null when it names none of these runs'. */
export function rowOfFragment(alignment: Pick<Alignment, 'rows' | 'unitsA' | 'unitsB'>, runs: Runs, fragment: string): number | null {
  const [, side, id] = /^([ab]):(.+)$/.exec(fragment) ?? [];
  if (!side || !id) return null;
  const units = side === 'a' ? alignment.unitsA : alignment.unitsB;
  const items = side === 'a' ? runs.a : runs.b;
  const row = alignment.rows.findIndex((aligned) => {
    const unit = side === 'a' ? aligned.a : aligned.b;
    return unit >= 0 && items[units[unit].item]?.id === id;
  });
  return row === -1 ? null : row;
}
