import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useModalDialog } from '../../../lib/use-modal-dialog';
import { CopyButton } from '../../../components/copy-button';
import { ErrorPanel } from '../../../components/error-panel';
import { describeApiError } from '../../../lib/describe-api-error';
import { createSnapshot } from '../api/snapshots';
import { EXPIRY_CHOICES, snapshotRequest, type ShareChoices, type SnapshotTarget } from '../lib/snapshot-request';

interface ShareSnapshotDialogProps {
  target: SnapshotTarget;
  /** Shown as the title's placeholder. */
  name: string;
  open: boolean;
  onClose: () => void;
}

const INITIAL: ShareChoices = { title: '', expiry: '7d', leaveOutSystem: true, leaveOutReasoning: false, leaveOutToolOutputs: false, itemIds: '' };

const LEAVE_OUT: { key: 'leaveOutSystem' | 'leaveOutReasoning' | 'leaveOutToolOutputs'; label: string }[] = [
  { key: 'leaveOutSystem', label: 'System and developer messages' },
  { key: 'leaveOutReasoning', label: 'Reasoning' },
  { key: 'leaveOutToolOutputs', label: 'Tool outputs' },
];

const field = 'mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-800';

/** Stores a copy of the whole conversation, with the chosen parts left out, and hands back a link anyone can open. */
export function ShareSnapshotDialog({ target, name, open, onClose }: ShareSnapshotDialogProps) {
  const ref = useModalDialog(open);
  const client = useQueryClient();
  const [choices, setChoices] = useState(INITIAL);
  const create = useMutation({
    mutationFn: () => createSnapshot(snapshotRequest(target, choices)),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['snapshots', 'list'] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const link = create.data ? new URL(create.data.url, window.location.origin).toString() : null;
  const set = <K extends keyof ShareChoices>(key: K, value: ShareChoices[K]) => setChoices((previous) => ({ ...previous, [key]: value }));

  return (
    <dialog
      ref={ref}
      onClose={() => {
        create.reset();
        onClose();
      }}
      aria-labelledby="share-snapshot-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="share-snapshot-title" className="text-base font-semibold">
        Share a snapshot
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {target.kind === 'file'
          ? 'This uploads the file to the viewer, which stores it as a snapshot marked “from a file, not read from a source”.'
          : 'The viewer stores a copy of the whole conversation, read again from its source.'}{' '}
        Anyone with the link can read it, even without access to this viewer. What you leave out is never stored.
      </p>
      {link ? (
        <div className="mt-4 space-y-3">
          <p className="text-sm">
            Snapshot ready: {create.data!.item_count.toLocaleString('en')} items, {create.data!.excluded_count.toLocaleString('en')} left out.
          </p>
          <label className="block text-sm font-medium">
            Link
            <input readOnly value={link} className={`${field} font-mono`} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <div className="flex justify-end gap-2">
            <a href={link} target="_blank" rel="noopener noreferrer" className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium dark:border-zinc-700">
              Open
            </a>
            <CopyButton text={link} label="Copy snapshot link" title="Copy the snapshot's link" variant="accent" />
            <button type="button" onClick={() => ref.current?.close()} className="rounded-md bg-zinc-900 px-3 py-1 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="mt-4 space-y-4">
          <fieldset>
            <legend className="text-sm font-medium">Leave out</legend>
            {LEAVE_OUT.map(({ key, label }) => (
              <label key={key} className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" checked={choices[key]} onChange={(event) => set(key, event.currentTarget.checked)} />
                {label}
              </label>
            ))}
            <label className="mt-2 block text-sm">
              These items (IDs, separated by commas or spaces)
              <input value={choices.itemIds} onChange={(event) => set('itemIds', event.currentTarget.value)} className={`${field} font-mono`} placeholder="msg_…, fc_…" />
            </label>
          </fieldset>
          <label className="block text-sm font-medium">
            Title
            <input value={choices.title} maxLength={200} onChange={(event) => set('title', event.currentTarget.value)} className={field} placeholder={name} />
          </label>
          <label className="block text-sm font-medium">
            Expires
            <select value={choices.expiry} onChange={(event) => set('expiry', event.currentTarget.value as ShareChoices['expiry'])} className={field}>
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.value === 'never' ? 'Never' : `After ${choice.label}`}
                </option>
              ))}
            </select>
          </label>
          {create.error ? <ErrorPanel compact description={describeApiError(create.error)} /> : null}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => ref.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700">
              Cancel
            </button>
            <button type="submit" disabled={create.isPending} className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
              {create.isPending ? 'Creating snapshot…' : 'Create snapshot'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** The toolbar's button that opens the dialog. */
export function ShareSnapshotButton({ target, name }: { target: SnapshotTarget; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Share snapshot…
      </button>
      <ShareSnapshotDialog target={target} name={name} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
