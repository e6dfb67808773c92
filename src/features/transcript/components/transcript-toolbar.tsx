import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { MenuButton } from '../../../components/menu-button';
import { announce } from '../../../components/announcer';
import { describeError } from '../../../lib/use-error-description';
import { withDownloads } from '../../../lib/with-downloads';
import { EXPORT_CHOICES, type ExportChoice } from '../export/export-path';
import type { ItemOrder } from '../types';

const ORDERS: { value: ItemOrder; label: string }[] = [
  { value: 'asc', label: 'Oldest first' },
  { value: 'desc', label: 'Newest first' },
];

/**
 * A server-made export, downloaded once the server says it will make it: a refusal (a snapshot revoked or expired
 * since the page opened) is said on the page, instead of a broken file in the browser's downloads.
 */
async function saveFromServer(path: string) {
  const refused = await withDownloads(({ downloadFromServer }) => downloadFromServer(path));
  if (!refused) return;
  const { title, hint } = await describeError(refused);
  announce(`Nothing was downloaded. ${title}. ${hint}`, { problem: true });
}

/** The Download menu: each format is a link the server answers with an attachment, or a button when this page makes the file. */
function DownloadMenu({ exportUrl }: { exportUrl: (format: ExportChoice) => string | (() => void) }) {
  return (
    <MenuButton
      label="Download ▾"
      className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      panelClassName="w-56 max-w-[calc(100vw-1rem)] rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {(close) => (
        <ul aria-label="Download formats">
          {EXPORT_CHOICES.map(({ format, label, title }) => {
            const target = exportUrl(format);
            const className = 'block w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800';
            const body = (
              <>
                {label}
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{title}</span>
              </>
            );
            return (
              <li key={format}>
                {typeof target === 'string' ? (
                  // A link to the file the server makes, so it can be opened in a new tab or copied too.
                  <a
                    href={target}
                    download
                    onClick={(event) => {
                      event.preventDefault();
                      void saveFromServer(target);
                      close();
                    }}
                    className={className}
                  >
                    {body}
                  </a>
                ) : (
                  // One this page makes has no address before it is made: a button, not a link to "#".
                  <button
                    type="button"
                    onClick={() => {
                      target();
                      close();
                    }}
                    className={className}
                  >
                    {body}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </MenuButton>
  );
}

interface TranscriptActionsProps {
  /** The link Copy link copies; without one there is no Copy link. */
  shareUrl?: () => string;
  /** Where each export format downloads from, or what saves it when the browser formats it itself. */
  exportUrl: (format: ExportChoice) => string | (() => void);
  /** More actions, such as comparing or sharing a snapshot. */
  extras?: ReactNode;
  onShowShortcuts: () => void;
}

/** What a reader does with the whole transcript: download it, compare it, share it. Beside its title, not in the sticky bar. */
export function TranscriptActions({ shareUrl, exportUrl, extras, onShowShortcuts }: TranscriptActionsProps) {
  return (
    // Buttons keep their labels on one line; the row wraps instead. On the right of its row (alone on it too, on a
    // snapshot's or a file's page), as a page's actions are; on a phone from the left, under the link home. Narrower on
    // a phone: the buttons of the row, not those of the dialogs they open.
    <div className="flex flex-wrap gap-1 *:shrink-0 max-sm:[&_button:not(dialog_*)]:px-2 sm:ml-auto sm:gap-2">
      <DownloadMenu exportUrl={exportUrl} />
      {extras}
      {shareUrl ? <CopyButton text={shareUrl} label="Copy link" title="Copy a link to this transcript" variant="accent" /> : null}
      {/* The shortcuts are a keyboard's: a phone has none to show. */}
      <button
        type="button"
        onClick={onShowShortcuts}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
        className="rounded-md border border-zinc-300 px-2 py-1 font-mono text-xs font-medium text-zinc-700 hover:bg-zinc-100 max-sm:hidden dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        ?
      </button>
    </div>
  );
}

interface TranscriptToolbarProps {
  order: ItemOrder;
  onOrderChange: (order: ItemOrder) => void;
  /** The Live switch, for transcripts that can change. */
  live?: ReactNode;
  /** How items are shown (full or compact, expand or collapse all), beside the order. */
  viewControls?: ReactNode;
}

/** How the items are shown: the sticky bar's first row. */
export function TranscriptToolbar({ order, onOrderChange, live, viewControls }: TranscriptToolbarProps) {
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
            className={`rounded-md px-2.5 py-1 text-xs font-medium ${order === value ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {viewControls}
      {live}
    </div>
  );
}
