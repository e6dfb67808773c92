import { ApiError } from '../../../lib/api-error';
import type { ItemUiStore } from '../list/item-ui-store';

interface ViewControlsProps {
  store: ItemUiStore;
  compact: boolean;
  onCompactChange: (compact: boolean) => void;
}

const button =
  'rounded-md px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';

/** Full or compact view, and Expand all and Collapse all: every row of the transcript, loaded or not yet. */
export function ViewControls({ store, compact, onCompactChange }: ViewControlsProps) {
  return (
    <>
    <fieldset className="inline-flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
      <legend className="sr-only">View</legend>
      {([false, true] as const).map((value) => (
        <button
          key={String(value)}
          type="button"
          aria-pressed={compact === value}
          onClick={() => onCompactChange(value)}
          title={value ? 'One line per item, turns grouped' : 'Every item in full'}
          className={`rounded-md px-2.5 py-1 text-xs font-medium ${compact === value ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
        >
          {value ? 'Compact' : 'Full'}
        </button>
      ))}
    </fieldset>
    <fieldset className="inline-flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
      <legend className="sr-only">Expand or collapse items</legend>
      <button type="button" onClick={() => store.setAll(false)} title="Expand every item" className={button}>
        Expand all
      </button>
      <button type="button" onClick={() => store.setAll(true)} title="Collapse every item to one line" className={button}>
        Collapse all
      </button>
    </fieldset>
    </>
  );
}

/** The first Tab stop of a transcript: past the header and toolbars, straight to the items (the fragment is kept for item links). */
export function SkipToTranscript() {
  return (
    <a
      href="#transcript-items"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('transcript-items')?.focus();
      }}
      className="sr-only rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
    >
      Skip to the transcript
    </a>
  );
}

/** When this source has no key, or is no source of this viewer, links to the same conversation in the sources it has. */
export function OtherSources({ error, sources }: { error: unknown; sources: readonly { id: string; label: string }[] }) {
  if (!(error instanceof ApiError) || (error.code !== 'source_not_configured' && error.code !== 'unknown_source') || sources.length === 0) return null;
  return (
    <>
      <span>Open it from:</span>
      {sources.map((source) => (
        <a key={source.id} href={`?source=${encodeURIComponent(source.id)}`} className="rounded-md bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-700 dark:bg-indigo-600 dark:hover:bg-indigo-500">
          {source.label}
        </a>
      ))}
    </>
  );
}
