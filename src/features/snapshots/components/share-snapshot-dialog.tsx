import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { ApiErrorPanel } from '../../../components/error-panel';
import { ApiError } from '../../../lib/api-error';
import { describeApiError } from '../../../lib/describe-api-error';
import { useSecondsLeft } from '../../../lib/use-seconds-left';
import { useModalDialog } from '../../../lib/use-modal-dialog';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/export-formats';
import type { ConversationItem } from '../../../shared/contract/shapes';
import type { RedactKind } from '../../../shared/snapshots/pseudonyms';
import { ShareFilter, type ContentCategory } from '../../../shared/snapshots/share-filter';
import { downloadShared } from '../api/download-shared';
import { snapshotPreviewQueryOptions } from '../api/snapshot-preview';
import { createSnapshot } from '../api/snapshots';
import { INITIAL_CHOICES, shareRules, snapshotReaders, snapshotRequest, type ShareChoices, type SnapshotTarget } from '../lib/snapshot-request';
import { sourcesQueryOptions } from '../../sources/api/get-sources';
import { ItemChooser } from './item-chooser';
import { SharePreview } from './share-preview';
import { ExpirySelect, SHARE_FIELD as field } from './expiry-select';
import { formatCount, formatLocalTime, plural } from '../../../shared/format';
import { manifestSummary } from '../../../shared/snapshots/manifest-text';

type Item = ConversationItem;

interface ShareSnapshotDialogProps {
  target: SnapshotTarget;
  /** Names downloaded files when the title is left empty. */
  name: string;
  open: boolean;
  onClose: () => void;
  /** The items the page holds now, for choosing single items to leave out. */
  loadedItems?: () => readonly Item[];
}

const CONTENT: { value: ContentCategory; label: string; hint: string }[] = [
  { value: 'tool_outputs', label: 'Tool outputs', hint: 'also what calls hold: MCP results, search results, logs, generated images' },
  { value: 'reasoning', label: 'Reasoning', hint: 'summaries and content' },
  { value: 'images', label: 'Images', hint: 'wherever they appear' },
  { value: 'encrypted', label: 'Encrypted content', hint: 'reasoning and compactions' },
];

const KINDS: { value: RedactKind; label: string }[] = [
  { value: 'email', label: 'Email addresses' },
  { value: 'phone', label: 'Phone numbers' },
  { value: 'secret', label: 'Keys and tokens' },
  { value: 'ip', label: 'IP addresses' },
];

const formatLabel = (format: string) => (format === 'markdown' ? 'Markdown' : format.toUpperCase());

/** The value, once it has stayed the same for a moment: a preview per keystroke would read the conversation each time. */
function useSettled<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const toggled = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list.filter((other) => other !== value), value] : list.filter((other) => other !== value));

/** Stores a copy of the whole conversation, with what the reader chose left out or replaced, and hands back a link. */
export function ShareSnapshotDialog({ target, name, open, onClose, loadedItems }: ShareSnapshotDialogProps) {
  const ref = useModalDialog(open);
  const client = useQueryClient();
  const [choices, setChoices] = useState(INITIAL_CHOICES);
  const [choosing, setChoosing] = useState<readonly Item[] | null>(null);
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const rules = useSettled(shareRules(choices));
  // What the choices above leave out by kind, so the item chooser shows those items as already left out.
  const byKind = new ShareFilter(shareRules(choices));
  const preview = useQuery({ ...snapshotPreviewQueryOptions(target, rules), enabled: open });
  // A failure tried again (a source's rate limit waits as long as it asks): said while it waits, not "Reading…".
  const previewRetry = preview.isFetching && !preview.error && preview.failureReason ? describeApiError(preview.failureReason) : null;
  const previewError = preview.error ? describeApiError(preview.error) : null;
  // A rate limit that stopped the asking says so, and how long it asks to wait, as it does while the asking goes on.
  const rateLimited = preview.error instanceof ApiError && preview.error.status === 429;
  // Who can read the link: anyone, or (VIEWER_SNAPSHOTS=private) only those who can sign in to this viewer.
  const mode = useQuery(sourcesQueryOptions()).data?.snapshots;
  const create = useMutation({
    mutationFn: () => createSnapshot(snapshotRequest(target, choices)),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['snapshots', 'list'] }),
  });
  const download = useMutation({ mutationFn: () => downloadShared(target, format, shareRules(choices), choices.title, name) });

  // Too many snapshots at once: Create waits out what the server asked, counting down.
  const waitLeft = useSecondsLeft(create.error instanceof ApiError ? create.error.retryAfterSeconds : null, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending && waitLeft === 0) create.mutate();
  };
  const link = create.data ? new URL(create.data.url, window.location.origin).toString() : null;
  const set = <K extends keyof ShareChoices>(key: K, value: ShareChoices[K]) => setChoices((previous) => ({ ...previous, [key]: value }));
  const items = target.kind === 'file' ? () => target.items : loadedItems;
  // Opened again, the item list is the page's as it is now (live updates may have added items since).
  useEffect(() => {
    if (open) setChoosing((shown) => (shown && items ? items() : shown));
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={() => {
        create.reset();
        download.reset();
        onClose();
      }}
      aria-labelledby="share-snapshot-title"
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="share-snapshot-title" className="text-base font-semibold">
        Share a snapshot
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {target.kind === 'file'
          ? 'This uploads the file to the viewer, which stores it as a snapshot marked “from a file, not read from a source”.'
          : 'The viewer reads the whole conversation again from its source and stores a copy of it, less what you leave out below (system and developer messages, unless you untick them).'}{' '}
        {snapshotReaders(mode)} What you leave out or replace is never stored.
      </p>
      {link ? (
        <div className="mt-4 space-y-3">
          <p className="text-sm">
            Snapshot ready: {plural(create.data!.item_count, 'item')}, {formatCount(create.data!.excluded_count)} left out.
            {/* What its page will say of it: what went, and when the link stops working. */}
            {create.data!.manifest && manifestSummary(create.data!.manifest) ? ` ${manifestSummary(create.data!.manifest)}.` : ''}{' '}
            {create.data!.expires_at ? `It expires ${formatLocalTime(new Date(create.data!.expires_at))}.` : 'It does not expire.'}
          </p>
          <label className="block text-sm font-medium">
            Link
            {/* It replaces the form the focus was in: the focus comes to it, selected to copy. */}
            <input readOnly autoFocus value={link} className={`${field} font-mono`} onFocus={(event) => event.currentTarget.select()} />
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
          <div className="grid gap-4 sm:grid-cols-2">
            <fieldset>
              <legend className="text-sm font-medium">Leave out</legend>
              <label className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" checked={choices.leaveOutSystem} onChange={(event) => set('leaveOutSystem', event.currentTarget.checked)} />
                System and developer messages
              </label>
              {CONTENT.map(({ value, label, hint }) => (
                <label key={value} className="mt-1 flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" checked={choices.content.includes(value)} onChange={(event) => set('content', toggled(choices.content, value, event.currentTarget.checked))} />
                  <span>
                    {label} <span className="text-xs text-zinc-600 dark:text-zinc-400">({hint})</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend className="text-sm font-medium">Replace with pseudonyms</legend>
              {KINDS.map(({ value, label }) => (
                <label key={value} className="mt-1 flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={choices.kinds.includes(value)} onChange={(event) => set('kinds', toggled(choices.kinds, value, event.currentTarget.checked))} />
                  {label}
                </label>
              ))}
              <label className="mt-2 block text-sm">
                Names and terms, one a line
                <textarea value={choices.terms} rows={2} onChange={(event) => set('terms', event.currentTarget.value)} className={field} placeholder="Acme Corp" />
              </label>
            </fieldset>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">Single items</legend>
            {choosing ? (
              <ItemChooser autoFocus items={choosing} chosen={choices.itemIds} onChange={(ids) => set('itemIds', ids)} leftOutAbove={(item) => byKind.leavesOutByKind(item)} />
            ) : (
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {choices.itemIds.length ? `${choices.itemIds.length} chosen. ` : ''}
                {items ? (
                  <button type="button" onClick={() => setChoosing(items())} className="text-indigo-700 underline dark:text-indigo-300">
                    Choose items to leave out…
                  </button>
                ) : (
                  'Open the conversation to choose single items.'
                )}
              </p>
            )}
          </fieldset>
          <SharePreview
            preview={preview.data}
            checking={preview.isFetching}
            error={previewError ? (rateLimited ? `${previewError.title}: ${previewError.hint}` : previewError.detail || previewError.title) : null}
            retrying={previewRetry ? `${previewRetry.title}: ${previewRetry.hint}` : null}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="block text-sm font-medium">
              Title
              <input value={choices.title} maxLength={200} onChange={(event) => set('title', event.currentTarget.value)} className={field} placeholder="By default the run’s title or first words" />
            </label>
            <ExpirySelect value={choices.expiry} onChange={(expiry) => set('expiry', expiry)} />
          </div>
          {create.error ? <ApiErrorPanel compact error={create.error} /> : null}
          {download.error ? <ApiErrorPanel compact error={download.error} /> : null}
          {/* Held at the dialog's foot while its choices scroll: on a phone they fill more than a screen. */}
          <div className="sticky -bottom-5 -mx-5 -mb-5 flex flex-wrap items-center justify-between gap-2 border-t border-zinc-200 bg-white px-5 pt-3 pb-5 dark:border-zinc-700 dark:bg-zinc-900">
            <div className="flex items-center gap-1.5 text-sm">
              <label className="sr-only" htmlFor="share-download-format">
                Download format
              </label>
              <select id="share-download-format" value={format} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)} className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-800">
                {Object.keys(EXPORT_FORMATS).map((value) => (
                  <option key={value} value={value}>
                    {formatLabel(value)}
                  </option>
                ))}
              </select>
              {/* Not `disabled` while it works: that would drop the focus out of the dialog. */}
              <button
                type="button"
                onClick={() => {
                  if (!download.isPending) download.mutate();
                }}
                aria-disabled={download.isPending}
                className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium aria-disabled:opacity-60 dark:border-zinc-700"
              >
                {download.isPending ? 'Preparing…' : 'Download instead'}
              </button>
            </div>
            <div className="flex gap-2">
              <button type="button" onClick={() => ref.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700">
                Cancel
              </button>
              <button type="submit" aria-disabled={create.isPending || waitLeft > 0} className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white tabular-nums hover:bg-indigo-700 aria-disabled:opacity-60">
                {create.isPending ? 'Creating snapshot…' : waitLeft > 0 ? `Create snapshot in ${waitLeft} s` : 'Create snapshot'}
              </button>
            </div>
          </div>
        </form>
      )}
    </dialog>
  );
}
