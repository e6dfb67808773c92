import { useState } from 'react';
import { lazyChunk, useChunk } from '../../../lib/lazy-chunk';
import type { ConversationItem } from '../../../shared/contract/shapes';
import type { SnapshotTarget } from '../lib/snapshot-request';

// The dialog brings the export formats, the share rules and the Markdown renderer: loaded when first asked for.
const dialogChunk = lazyChunk(() => import('./share-snapshot-dialog').then((module) => module.ShareSnapshotDialog));

/** The toolbar's button that opens the Share snapshot dialog. */
export function ShareSnapshotButton({ target, name, loadedItems }: { target: SnapshotTarget; name: string; loadedItems?: () => readonly ConversationItem[] }) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  const dialog = useChunk(dialogChunk, asked);
  return (
    <>
      <button
        aria-label="Share snapshot…"
        type="button"
        onPointerEnter={dialogChunk.preload}
        onFocus={dialogChunk.preload}
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Share<span className="max-sm:hidden"> snapshot</span>…
      </button>
      {asked && dialog.status === 'failed' ? (
        // A dialog that cannot load (the viewer was updated since this page opened) says so beside the button, and
        // the transcript stays.
        <span role="alert" className="self-center text-xs text-red-700 dark:text-red-300">
          The Share dialog could not load. <button type="button" className="underline" onClick={() => window.location.reload()}>Reload the page</button>
        </span>
      ) : asked && dialog.status === 'loaded' ? (
        <dialog.value target={target} name={name} open={open} onClose={() => setOpen(false)} loadedItems={loadedItems} />
      ) : null}
    </>
  );
}
