import { useMemo, useState } from 'react';
import { OverviewStrip } from './overview-strip';
import type { ViewRows } from './view-rows';

interface TranscriptOverviewProps {
  rows: ViewRows;
  /** Oldest-first rows of turn starts and failures. */
  turnRows: readonly number[];
  failureRows: readonly number[];
  /** View positions of search matches. */
  matches: readonly number[];
  visible: readonly [number, number] | null;
  top: number;
  onJump: (viewIndex: number) => void;
}

function toView(rows: ViewRows, list: readonly number[]): number[] {
  const positions: number[] = [];
  for (const row of list) {
    const position = rows.viewIndexOf(row);
    if (position !== null) positions.push(position);
  }
  return positions;
}

/** The overview strip fed with the transcript's turns, failures and matches in the reader's order and filter. */
export function TranscriptOverview({ rows, turnRows, failureRows, matches, visible, top, onJump }: TranscriptOverviewProps) {
  const turns = useMemo(() => toView(rows, turnRows), [rows, turnRows]);
  const failures = useMemo(() => toView(rows, failureRows), [rows, failureRows]);
  return <OverviewStrip count={rows.count} turns={turns} failures={failures} matches={matches} visible={visible} top={top} onJump={onJump} />;
}

/** The view positions on screen, updated only when they change. */
export function useVisibleRange() {
  const [visible, setVisible] = useState<readonly [number, number] | null>(null);
  const update = (range: readonly [number, number] | null) =>
    setVisible((previous) => (previous === range || (previous && range && previous[0] === range[0] && previous[1] === range[1]) ? previous : range));
  return [visible, update] as const;
}
