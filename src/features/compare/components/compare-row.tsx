import { memo, useMemo, type ReactNode } from 'react';
import { itemStyle } from '../../transcript/lib/roles';
import type { ConversationItem } from '../../transcript/types';
import type { AlignedRow } from '../lib/align-runs';
import { changeParts, type ChangePart, type RunRow } from '../lib/change-parts';
import type { JsonChange } from '../lib/json-diff';
import { diffWords, type TextSegment } from '../lib/word-diff';
import type { Side } from '../lib/compare-search';
import { rowText, toolName } from '../lib/row-text';
import { formatCount } from '../../../shared/format';

export interface CompareRowProps {
  row: AlignedRow;
  a: RunRow | null;
  b: RunRow | null;
  failedA: boolean;
  failedB: boolean;
  current: boolean;
}

/** A side's text past this many characters is cut: a row of a diff should fit on a few screens. */
const SIDE_BUDGET = 4000;
/** Two values longer than this together are marked whole: sixty word diffs of long strings would hold up the row. */
const WORD_DIFF_LIMIT = 2000;

/** Each kind of row's tag and border, which a fold of such rows wears too. */
export const TAGS: Record<AlignedRow['diff'], { text: string; className: string }> = {
  same: { text: 'Same', className: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300' },
  changed: { text: 'Changed', className: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100' },
  'only-a': { text: 'Only in A', className: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100' },
  'only-b': { text: 'Only in B', className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100' },
};
export const BORDERS: Record<AlignedRow['diff'], string> = {
  same: 'border-zinc-200 dark:border-zinc-800',
  changed: 'border-amber-300 dark:border-amber-700/70',
  'only-a': 'border-red-300 dark:border-red-800/70',
  'only-b': 'border-emerald-300 dark:border-emerald-800/70',
};
// Tinted, not struck through: a changed answer stays readable on both sides, as in a split diff.
const REMOVED = 'rounded-sm bg-red-100 text-red-950 no-underline dark:bg-red-900/60 dark:text-red-50';
const ADDED = 'rounded-sm bg-emerald-100 text-emerald-950 dark:bg-emerald-900/60 dark:text-emerald-50';

function ItemBadge({ item, failed }: { item: ConversationItem; failed: boolean }) {
  const style = itemStyle(item);
  const name = toolName(item);
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1.5">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${style.badge}`}>{style.label}</span>
      {name ? <code className="truncate font-mono text-xs text-zinc-700 dark:text-zinc-300">{name}</code> : null}
      {failed ? (
        <span data-testid="failed-here" className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white dark:bg-red-400 dark:text-red-950">
          failed in this run only
        </span>
      ) : null}
    </span>
  );
}

/**
 * Text both sides share, cut to its ends next to a change ("…" for the rest) when the side is longer than it may show:
 * a change past the cut would otherwise not be shown at all.
 */
function shared(text: string, first: boolean, last: boolean, context: number): string {
  if (text.length <= context * 2 + 1) return text;
  return `${first ? '' : text.slice(0, context)}…${last ? '' : text.slice(-context)}`;
}

/** One side's view of a word diff: the words both share, and those only this side has, marked. */
function sideSegments(segments: readonly TextSegment[], side: Side, limit: number): ReactNode[] {
  const own = side === 'a' ? 'delete' : 'insert';
  let length = 0;
  for (const segment of segments) if (segment.op === 'equal' || segment.op === own) length += segment.text.length;
  const context = length > limit ? Math.floor(limit / 8) : Infinity;
  let budget = limit;
  const shown: ReactNode[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment.op !== 'equal' && segment.op !== own) continue;
    if (budget <= 0) break;
    const whole = segment.op === 'equal' && context !== Infinity ? shared(segment.text, i === 0, i === segments.length - 1, context) : segment.text;
    const text = whole.length > budget ? `${whole.slice(0, budget)}…` : whole;
    budget -= text.length;
    shown.push(
      segment.op === 'equal' ? (
        <span key={i}>{text}</span>
      ) : side === 'a' ? (
        <del key={i} className={REMOVED}>
          {text}
        </del>
      ) : (
        <ins key={i} className={`${ADDED} no-underline`}>
          {text}
        </ins>
      ),
    );
  }
  return shown;
}

function TextSide({ part, side }: { part: Extract<ChangePart, { kind: 'text' }>; side: Side }) {
  const shown = sideSegments(part.segments, side, SIDE_BUDGET);
  return <p className="text-sm break-words whitespace-pre-wrap">{shown.length > 0 ? shown : <span className="text-zinc-500 italic">(empty)</span>}</p>;
}

/** A changed value: a word diff when both are short enough to diff at once, else the whole value marked. */
function ChangedValue({ change, side }: { change: JsonChange; side: Side }) {
  const value = side === 'a' ? change.a : change.b;
  if (value === undefined) return <span className="text-zinc-500 italic dark:text-zinc-400">(absent)</span>;
  if (change.kind === 'changed' && change.a !== undefined && change.b !== undefined && change.a.length + change.b.length < WORD_DIFF_LIMIT) {
    return <span>{sideSegments(diffWords(change.a, change.b), side, VALUE_BUDGET)}</span>;
  }
  return side === 'a' ? <del className={REMOVED}>{clipValue(value)}</del> : <ins className={`${ADDED} no-underline`}>{clipValue(value)}</ins>;
}

const VALUE_BUDGET = 400;
const clipValue = (value: string) => (value.length > VALUE_BUDGET ? `${value.slice(0, VALUE_BUDGET - 1)}…` : value);

/** One side's view of a JSON diff: the paths whose value this side has and the other lacks or holds otherwise. */
function JsonSide({ part, side }: { part: Extract<ChangePart, { kind: 'json' }>; side: Side }) {
  const { changes, unchanged, truncated } = part.diff;
  return (
    <div className="space-y-0.5 font-mono text-xs">
      {changes.slice(0, 60).map((change) => {
        return (
          <p key={`${change.kind}:${change.path}`} className="break-words">
            <span className="text-zinc-600 dark:text-zinc-400">{change.path || '(value)'}: </span>
            <ChangedValue change={change} side={side} />
          </p>
        );
      })}
      {changes.length > 60 ? <p className="text-zinc-500">…and {changes.length - 60} more changes</p> : null}
      {unchanged > 0 || truncated ? (
        <p className="text-zinc-500 dark:text-zinc-400">
          {formatCount(unchanged)} unchanged {unchanged === 1 ? 'value' : 'values'}
          {truncated ? ' (a large value: only the first 2,000 values are compared)' : ''}
        </p>
      ) : null}
    </div>
  );
}

function SideCell({ side, run, failed, parts, plain }: { side: Side; run: RunRow | null; failed: boolean; parts: ChangePart[] | null; plain: boolean }) {
  const letter = side.toUpperCase();
  if (!run) {
    return (
      <div className="flex items-center gap-2 px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">
        <span className="font-mono text-xs font-semibold">{letter}</span>
        <span className="italic">not in run {letter}</span>
      </div>
    );
  }
  const text = parts ? null : rowText(run.item, run.output);
  return (
    <div className="min-w-0 space-y-1.5 px-3 py-2">
      <div className="flex items-center gap-2">
        {plain ? null : <span className="font-mono text-xs font-semibold text-zinc-500 dark:text-zinc-400">{letter}</span>}
        <ItemBadge item={run.item} failed={failed} />
      </div>
      {parts
        ? parts.map((part) => (
            <div key={part.label} className="space-y-0.5">
              <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{part.label}</p>
              {part.kind === 'text' ? <TextSide part={part} side={side} /> : <JsonSide part={part} side={side} />}
            </div>
          ))
        : text ? <p className="line-clamp-6 text-sm break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{text}</p> : null}
    </div>
  );
}

const itemId = (run: RunRow | null) => (run && typeof run.item.id === 'string' ? run.item.id : undefined);

/** One aligned row: both sides, side by side (stacked on a phone), with what changed marked on each. */
export const CompareRow = memo(function CompareRow({ row, a, b, failedA, failedB, current }: CompareRowProps) {
  const parts = useMemo(() => (row.diff === 'changed' && a && b ? changeParts(a, b) : null), [row.diff, a, b]);
  const tag = TAGS[row.diff];
  return (
    <article
      data-diff={row.diff}
      data-a-id={itemId(a)}
      data-b-id={itemId(b)}
      aria-current={current ? 'true' : undefined}
      className={`overflow-hidden rounded-xl border bg-white dark:bg-zinc-900 ${BORDERS[row.diff]} ${current ? 'ring-2 ring-indigo-500' : ''}`}
    >
      <div className="flex items-center gap-2 border-b border-inherit bg-zinc-50 px-3 py-1 dark:bg-zinc-900/60">
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${tag.className}`}>{tag.text}</span>
      </div>
      {row.diff === 'same' ? (
        <SideCell side="a" run={a} failed={false} parts={null} plain />
      ) : (
        <div className="grid divide-y divide-zinc-200 sm:grid-cols-2 sm:divide-x sm:divide-y-0 dark:divide-zinc-800">
          <SideCell side="a" run={a} failed={failedA && !failedB} parts={parts} plain={false} />
          <SideCell side="b" run={b} failed={failedB && !failedA} parts={parts} plain={false} />
        </div>
      )}
    </article>
  );
});
