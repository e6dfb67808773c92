import { isUnderWay } from '../../../shared/items/item-status';
import { Icon } from '../../../components/icons';
import { displayText } from '../../../shared/items/display-text';

interface StatusBadgeProps {
  status: unknown;
}

/** Completed is the normal case and stays quiet; anything else is called out. */
export function StatusBadge({ status }: StatusBadgeProps) {
  if (status === undefined || status === null || status === 'completed') return null;
  if (isUnderWay(status)) {
    return (
      <span data-search-skip="" data-status="under-way" className="inline-flex items-center gap-1.5 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-900/60 dark:text-sky-200">
        <span className="size-1.5 animate-pulse rounded-full bg-sky-500" aria-hidden="true" />
        {status === 'in_progress' ? 'in progress' : status}
      </span>
    );
  }
  if (status === 'incomplete') {
    return (
      <span data-search-skip="" className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
        <Icon name="warning" className="size-3.5" /> incomplete
      </span>
    );
  }
  if (status === 'failed') {
    // A failure, which the run summary counts and First failure lands on, reads as one in its row too.
    return (
      <span data-search-skip="" data-status="failed" className="inline-flex items-center gap-1 rounded-full bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-900 dark:bg-rose-900/60 dark:text-rose-100">
        <Icon name="warning" className="size-3.5" /> failed
      </span>
    );
  }
  return (
    <span data-search-skip="" className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      {displayText(status).slice(0, 40)}
    </span>
  );
}
