import type { DisplayRow } from '../lib/display-rows';
import { formatCount } from '../../../shared/format';
import { BORDERS, TAGS } from './compare-row';

interface CompareFoldProps {
  fold: Extract<DisplayRow, { kind: 'fold' }>;
  current: boolean;
  onOpen: () => void;
}

/** A folded run of rows, one line that opens into them: rows both runs share, or rows only one run has. */
export function CompareFold({ fold, current, onOpen }: CompareFoldProps) {
  if (!fold.only) {
    return (
      <button
        type="button"
        data-testid="identical-fold"
        onClick={onOpen}
        className="flex w-full items-center gap-3 rounded-xl border border-dashed border-zinc-300 px-3 py-2 text-left text-sm text-zinc-600 hover:border-indigo-400 hover:text-indigo-700 dark:border-zinc-700 dark:text-zinc-400 dark:hover:border-indigo-500 dark:hover:text-indigo-300"
      >
        <span aria-hidden="true" className="font-mono">≡</span>
        <span>
          {formatCount(fold.items)} identical {fold.items === 1 ? 'item' : 'items'}
        </span>
        <span className="ml-auto text-xs">Show</span>
      </button>
    );
  }
  const diff = fold.only === 'a' ? 'only-a' : 'only-b';
  const side = fold.only.toUpperCase();
  return (
    <button
      type="button"
      data-testid="one-sided-fold"
      data-only={fold.only}
      aria-current={current ? 'true' : undefined}
      onClick={onOpen}
      className={`flex w-full items-center gap-3 rounded-xl border bg-white px-3 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800/60 ${BORDERS[diff]} ${current ? 'ring-2 ring-indigo-500' : ''}`}
    >
      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${TAGS[diff].className}`}>{TAGS[diff].text}</span>
      <span>
        {formatCount(fold.items)} {fold.items === 1 ? 'item' : 'items'} only in run {side}
      </span>
      <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">Show</span>
    </button>
  );
}
