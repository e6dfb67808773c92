import { Fragment } from 'react';
import { plural } from '../../../shared/format';
import { TOUCH_TARGET } from '../../../components/touch-target';
import { BEFORE_TURNS } from './view-rows';

export interface TurnHeaders {
  /** The oldest-first rows where turns start, ascending. */
  starts: readonly number[];
  /** 1-based turn number when a turn starts at this oldest-first row, else null. */
  numberAt: (row: number) => number | null;
  isCollapsed: (row: number) => boolean;
  toggle: (row: number) => void;
  /** "12 items · ≈ 3,400 tokens" for the turn starting at this row. */
  describe: (row: number) => string;
}

interface TurnHeaderProps {
  row: number | null;
  turns: TurnHeaders;
}

/**
 * The line that heads each turn in the compact view (see `turnHeadAt`): the turn, its size, and a switch to fold it
 * away. `row` is the oldest-first row where the turn starts.
 */
export function TurnHeader({ row, turns }: TurnHeaderProps) {
  if (row === BEFORE_TURNS) {
    return (
      <div data-search-skip="" className="mt-2 mb-1 flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300">
        <span className="px-1.5 py-0.5 font-semibold whitespace-nowrap">Before turn 1</span>
        <span className="tabular-nums">{plural(turns.starts[0] ?? 0, 'item')}</span>
        <span aria-hidden="true" className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
      </div>
    );
  }
  const number = row === null ? null : turns.numberAt(row);
  if (row === null || number === null) return null;
  const collapsed = turns.isCollapsed(row);
  return (
    <div className="mt-2 mb-1 flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300">
      <button
        type="button"
        onClick={() => turns.toggle(row)}
        aria-expanded={!collapsed}
        title={collapsed ? 'Show the items of this turn' : 'Fold this turn to its first message'}
        className={`${TOUCH_TARGET} inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 font-semibold whitespace-nowrap hover:bg-zinc-200/70 dark:hover:bg-zinc-800`}
      >
        <span aria-hidden="true" className={`inline-block transition-transform ${collapsed ? '-rotate-90' : ''}`}>▾</span>
        Turn {number}
      </button>
      {/* On a narrow screen the line breaks between its parts, never inside one ("≈" / "2,750"). */}
      <span data-turn-size className="min-w-0 tabular-nums">
        {turns
          .describe(row)
          .split(' · ')
          .map((part, at, parts) => (
            <Fragment key={at}>
              {at > 0 ? ' ' : ''}
              <span className="whitespace-nowrap">{at < parts.length - 1 ? `${part} ·` : part}</span>
            </Fragment>
          ))}
      </span>
      <span aria-hidden="true" className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
