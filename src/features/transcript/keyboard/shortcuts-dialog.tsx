import { Fragment } from 'react';
import { useModalDialog } from '../../../lib/use-modal-dialog';

/** What the keys do, as the dialog lists them; loaded with the dialog, not with the transcript. */
const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'j / k', what: 'Next / previous item' },
  { keys: 'Home / End', what: 'First / last item' },
  { keys: 'Enter', what: 'Collapse or expand the focused item' },
  { keys: 'Tab', what: 'From the focused item to its actions (one stop per item)' },
  { keys: '← / →', what: 'Move along an item’s actions' },
  { keys: 'c', what: 'Copy a link to the focused item' },
  { keys: '/', what: 'Search the transcript' },
  { keys: 'Ctrl+F / ⌘F', what: 'Search the transcript (press again for the browser’s find)' },
  { keys: 'Enter / Shift+Enter', what: 'Next / previous match, in the search field' },
  { keys: 'Esc', what: 'Clear the search and go on from the match it was on' },
  { keys: '?', what: 'Show these shortcuts' },
];

/** The list of keyboard shortcuts, in a modal dialog that Esc closes. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[fit-content(45%)_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(({ keys, what }) => (
          <div key={keys} className="contents">
            {/* Each key of a pair is a key cap of its own, so a narrow screen breaks the pair, not the description. */}
            <dt className="flex flex-wrap items-baseline gap-x-1 gap-y-1">
              {keys.split(' / ').map((key, at) => (
                <Fragment key={key}>
                  {at > 0 ? <span>/</span> : null}
                  <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap dark:border-zinc-600 dark:bg-zinc-800">{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd className="text-zinc-700 dark:text-zinc-300">{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded-md bg-zinc-900 px-3 py-1 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">Close</button>
      </form>
    </dialog>
  );
}
