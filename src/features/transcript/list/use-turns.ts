import { useMemo, useState } from 'react';
import { indexInSorted } from '../../../lib/sorted-search';
import type { TokenState } from '../data/use-run-summary';
import type { TranscriptIndex } from '../data/transcript-index';
import type { TurnHeaders } from './turn-header';
import type { CollapsedTurns } from './view-rows';
import { formatCount, plural } from '../../../shared/format';


/**
 * The number (from 1) of the turn that starts at `row`, or undefined when none does; `starts` is in order. A binary
 * search rather than a map of every turn, which would be rebuilt as each page arrives.
 */
export function turnNumberAt(starts: readonly number[], row: number): number | undefined {
  const at = indexInSorted(starts, row);
  return at === -1 ? undefined : at + 1;
}

/** The compact view's turns: where each starts, which are folded, and each one's size in items and tokens. */
export function useTurns(index: TranscriptIndex, version: number, starts: readonly number[], tokens: TokenState, compact: boolean): { collapsedTurns: CollapsedTurns | undefined; headers: TurnHeaders } {
  // Row numbers of the tail move as the head grows; folded turns are remembered by the ID of their first message.
  const [collapsedIds, setCollapsedIds] = useState<ReadonlySet<string>>(() => new Set());

  const collapsedRows = useMemo(() => {
    const rows = new Set<number>();
    for (const id of collapsedIds) {
      const row = index.rowOfId(id);
      if (row !== null) rows.add(row);
    }
    return rows;
    // `version` changes as items arrive; the index is the same object throughout.
    // oxlint-disable-next-line react/memo-dependencies, react-hooks/exhaustive-deps
  }, [collapsedIds, index, version]);

  const headers = useMemo<TurnHeaders>(() => {
    const sizes = new Map<number, string>();
    const tokensAt = (row: number) => {
      const slot = index.slotAt(row);
      return (slot && tokens.counts.byItem.get(index.itemAt(slot))) || 0;
    };
    // Tokens from the first row up to each turn's end, summed once per revision when a header first asks.
    const through = new Map<number, number>();
    const contextThrough = (end: number) => {
      if (through.size === 0) {
        let sum = 0;
        const ends = new Set([...starts.slice(1), index.rowCount]);
        for (let r = 0; r < index.rowCount; r += 1) {
          sum += tokensAt(r);
          if (ends.has(r + 1)) through.set(r + 1, sum);
        }
      }
      return through.get(end) ?? 0;
    };
    const idAt = (row: number) => {
      const slot = index.slotAt(row);
      return slot ? index.itemAt(slot).id : undefined;
    };
    return {
      starts,
      numberAt: (row) => turnNumberAt(starts, row) ?? null,
      isCollapsed: (row) => collapsedRows.has(row),
      toggle: (row) => {
        const id = idAt(row);
        if (!id) return;
        setCollapsedIds((previous) => {
          const next = new Set(previous);
          if (!next.delete(id)) next.add(id);
          return next;
        });
      },
      describe: (row) => {
        const cached = sizes.get(row);
        if (cached) return cached;
        const turn = turnNumberAt(starts, row);
        const end = turn !== undefined && turn < starts.length ? starts[turn] : index.rowCount;
        let items = 0;
        let total = 0;
        for (let r = row; r < end; r += 1) {
          const slot = index.slotAt(r);
          if (!slot) continue;
          items += 1;
          total += tokensAt(r);
        }
        const context = tokens.revision > 0 ? contextThrough(end) : 0;
        const text = `${plural(items, 'item')}${tokens.revision > 0 ? ` · ≈ ${plural(total, 'token')} · context so far ≈ ${formatCount(context)}` : ''}`;
        sizes.set(row, text);
        return text;
      },
    };
    // oxlint-disable-next-line react/memo-dependencies, react-hooks/exhaustive-deps
  }, [index, version, starts, tokens, collapsedRows]);

  return { collapsedTurns: compact ? { starts, collapsed: collapsedRows } : undefined, headers };
}
