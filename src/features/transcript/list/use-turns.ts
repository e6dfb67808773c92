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

/**
 * What the model holds at a turn's end, in tokens; `compacted` when a compaction replaced what came before; `unknown`
 * when items before it are not loaded (and no compaction since): they could hold any number, or a compaction.
 */
export interface ContextSoFar {
  tokens: number;
  compacted: boolean;
  unknown?: boolean;
}

/**
 * The context at each turn's end, by the row that ends it (the next turn's start, or `rowCount`): every row's tokens
 * from the first on, or from the last compaction on, as it replaced what came before it: the model holds the
 * compaction and what follows it. After `gapRow` (the items not loaded) the context is unknown until a compaction.
 */
export function contextAtTurnEnds(rowCount: number, starts: readonly number[], tokensAt: (row: number) => number, isCompaction: (row: number) => boolean, gapRow: number | null = null): Map<number, ContextSoFar> {
  const totals = new Map<number, ContextSoFar>();
  const ends = new Set([...starts.slice(1), rowCount]);
  let tokens = 0;
  let compacted = false;
  let unknown = false;
  for (let row = 0; row < rowCount; row += 1) {
    if (row === gapRow) unknown = true;
    if (isCompaction(row)) {
      tokens = 0;
      compacted = true;
      unknown = false;
    }
    tokens += tokensAt(row);
    if (ends.has(row + 1)) totals.set(row + 1, unknown ? { tokens, compacted, unknown } : { tokens, compacted });
  }
  return totals;
}

/** A turn's header line: its items, and once counted its tokens and the context at its end. */
export function turnSizeText(items: number, tokens: number, context: ContextSoFar | null): string {
  if (context === null) return plural(items, 'item');
  if (context.unknown) return `${plural(items, 'item')} · ≈ ${plural(tokens, 'token')} · context unknown: earlier items not loaded`;
  return `${plural(items, 'item')} · ≈ ${plural(tokens, 'token')} · context ${context.compacted ? 'since the compaction' : 'so far'} ≈ ${formatCount(context.tokens)}`;
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
    // The context at each turn's end, summed once per revision when a header first asks.
    const summed: { contexts?: Map<number, ContextSoFar> } = {};
    const contextAt = (end: number) => {
      summed.contexts ??= contextAtTurnEnds(index.rowCount, starts, tokensAt, (row) => {
        const slot = index.slotAt(row);
        return slot !== null && index.itemAt(slot).type === 'compaction';
      }, index.gapRow);
      return summed.contexts.get(end) ?? { tokens: 0, compacted: false };
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
        const text = turnSizeText(items, total, tokens.revision > 0 ? contextAt(end) : null);
        sizes.set(row, text);
        return text;
      },
    };
    // oxlint-disable-next-line react/memo-dependencies, react-hooks/exhaustive-deps
  }, [index, version, starts, tokens, collapsedRows]);

  return { collapsedTurns: compact ? { starts, collapsed: collapsedRows } : undefined, headers };
}
