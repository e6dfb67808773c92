import { lazyChunk, useChunk } from '../../../lib/lazy-chunk';

// Wanted only once the reader asks for it (?): it stays out of what a transcript's first rows wait for.
const dialogChunk = lazyChunk(() => import('./shortcuts-dialog').then((module) => module.ShortcutsDialog));

/** The keyboard shortcuts dialog, loaded the first time it opens. */
export function LazyShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useChunk(dialogChunk, open);
  if (dialog.status === 'loaded') return <dialog.value open={open} onClose={onClose} />;
  // A dialog that cannot load (the viewer was updated since this page opened) says so while it is asked for.
  return open && dialog.status === 'failed' ? (
    <p role="alert" className="fixed inset-x-4 bottom-4 rounded-md bg-red-700 p-3 text-sm text-white">
      The keyboard shortcuts could not load. <button type="button" className="underline" onClick={() => window.location.reload()}>Reload the page</button>
    </p>
  ) : null;
}
