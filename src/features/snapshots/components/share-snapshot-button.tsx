import { lazy, Suspense, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import type { ConversationItem } from '../../../shared/contract/shapes';
import type { SnapshotTarget } from '../lib/snapshot-request';

// The dialog brings the export formats, the share rules and the Markdown renderer: loaded when first asked for.
const loadDialog = () => import('./share-snapshot-dialog');
const ShareSnapshotDialog = lazy(() => loadDialog().then((module) => ({ default: module.ShareSnapshotDialog })));

/** The toolbar's button that opens the Share snapshot dialog. */
export function ShareSnapshotButton({ target, name, loadedItems }: { target: SnapshotTarget; name: string; loadedItems?: () => readonly ConversationItem[] }) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  return (
    <>
      <button
        type="button"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Share snapshot…
      </button>
      {asked && (
        // A dialog that cannot load (the viewer was updated since this page opened) says so beside the button, and
        // the transcript stays.
        <ErrorBoundary
          fallback={
            <span role="alert" className="self-center text-xs text-red-700 dark:text-red-300">
              The Share dialog could not load. <button type="button" className="underline" onClick={() => window.location.reload()}>Reload the page</button>
            </span>
          }
        >
          <Suspense fallback={null}>
            <ShareSnapshotDialog target={target} name={name} open={open} onClose={() => setOpen(false)} loadedItems={loadedItems} />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
