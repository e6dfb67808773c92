import { CopyButton } from '../../../components/copy-button';
import type { ItemOrder } from '../types';

interface TranscriptToolbarProps {
  order: ItemOrder;
  onOrderChange: (order: ItemOrder) => void;
  shareUrl: () => string;
  /** Saves what has loaded as JSON; absent until something has. */
  onDownload?: () => void;
  onShowShortcuts: () => void;
}

const ORDERS: { value: ItemOrder; label: string }[] = [
  { value: 'asc', label: 'Oldest first' },
  { value: 'desc', label: 'Newest first' },
];

export function TranscriptToolbar({ order, onOrderChange, shareUrl, onDownload, onShowShortcuts }: TranscriptToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className="inline-flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
        <legend className="sr-only">Order</legend>
        {ORDERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            aria-pressed={order === value}
            onClick={() => onOrderChange(value)}
            className={`rounded-md px-2.5 py-1 text-xs font-medium ${order === value ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
          >
            {label}
          </button>
        ))}
      </fieldset>
      <div className="ml-auto flex gap-2">
        <button
          type="button"
          onClick={onShowShortcuts}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          className="rounded-md border border-zinc-300 px-2 py-1 font-mono text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          ?
        </button>
        {onDownload ? (
          <button
            type="button"
            onClick={onDownload}
            title="Download the conversation and its loaded items as JSON"
            className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Download JSON
          </button>
        ) : null}
        <CopyButton text={shareUrl} label="Copy link" title="Copy a link to this transcript" variant="accent" />
      </div>
    </div>
  );
}
