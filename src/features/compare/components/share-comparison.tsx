import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { describeApiError } from '../../../lib/describe-api-error';
import { useModalDialog } from '../../../lib/use-modal-dialog';
import { ExpirySelect, SHARE_FIELD as field } from '../../snapshots/components/expiry-select';
import { CONTENT_NAMES, REPLACED_NAMES } from '../../../shared/snapshots/manifest-text';
import { formatCount } from '../../../shared/format';
import { itemLabel } from '../../../shared/items/item-catalog';
import { comparisonRules, snapshotComparison, type ComparisonChoices, type ComparisonSide } from '../lib/comparison-snapshots';

interface ShareComparisonProps {
  a: ComparisonSide;
  b: ComparisonSide;
}

const listed = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));

/** "It leaves out tool outputs and replaces email addresses, as the snapshot did.", or nothing when the snapshot did neither. */
function sameRulesText(sides: { a: ComparisonSide; b: ComparisonSide }): string | null {
  const { content, kinds } = comparisonRules(sides);
  const items = [sides.a, sides.b].find((side) => side.origin.kind === 'snapshot')?.leftOutItems;
  const roles = items?.roles.length ? [`${items.roles.join(' and ')} messages`] : [];
  const types = (items?.types ?? []).map((type) => `${itemLabel(type).replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase())} items`);
  const leftOut = [...roles, ...types, ...content.map((category) => CONTENT_NAMES[category])];
  const parts = [leftOut.length ? `leaves out ${listed(leftOut)}` : '', kinds.length ? `replaces ${listed(kinds.map((kind) => REPLACED_NAMES[kind][1]))}` : ''].filter(Boolean);
  return parts.length ? `It ${parts.join(' and ')}, as the snapshot did.` : null;
}


/** "Share as snapshots…": stores the runs that are not snapshots yet, then hands back a comparison of the two snapshots. */
export function ShareComparison({ a, b }: ShareComparisonProps) {
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);
  const [choices, setChoices] = useState<ComparisonChoices>({ leaveOutSystem: true, expiry: '7d' });
  const create = useMutation({ mutationFn: () => snapshotComparison({ a, b }, choices) });
  const link = create.data ? `${window.location.origin}/compare?${new URLSearchParams(create.data as Record<string, string>).toString()}` : null;
  const stored = [a, b].filter((side) => side.origin.kind !== 'snapshot').length;
  const sameRules = stored === 1 ? sameRulesText({ a, b }) : null;
  // A snapshot keeps no record of the terms it replaced: the run stored beside it can replace them only if retyped.
  const snapshotSide = stored === 1 ? [a, b].find((side) => side.origin.kind === 'snapshot') : undefined;
  const snapshotTerms = snapshotSide?.replacedTerms ?? 0;
  // System and developer messages the snapshot left out go from the run stored beside it whatever the box says.
  const systemLeftOut = ['system', 'developer'].every((role) => snapshotSide?.leftOutItems?.roles.includes(role));
  const termsNote = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Share as snapshots…
      </button>
      <dialog
        ref={ref}
        onClose={() => {
          create.reset();
          setOpen(false);
        }}
        aria-labelledby="share-comparison-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="share-comparison-title" className="text-base font-semibold">
          Share this comparison as snapshots
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {stored === 0
            ? 'Both runs are snapshots already: this page’s link is a comparison that never changes.'
            : `Stores ${stored === 2 ? 'both runs' : 'the run that is not a snapshot yet'} as ${stored === 2 ? 'snapshots' : 'a snapshot'}; the link compares the two snapshots, never changes, and opens for anyone who can read snapshots.`}
          {sameRules ? ` ${sameRules}` : ''}
        </p>
        {link ? (
          <div className="mt-4 space-y-3">
            <label className="block text-sm font-medium">
              Link to the comparison
              <input readOnly value={link} data-testid="comparison-link" className={`${field} font-mono`} onFocus={(event) => event.currentTarget.select()} />
            </label>
            <div className="flex justify-end gap-2">
              <CopyButton text={link} label="Copy link" title="Copy the link to this comparison" variant="outline" className="rounded-md text-xs" />
              <button type="button" onClick={() => ref.current?.close()} className="rounded-md bg-zinc-900 px-3 py-1 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
                Done
              </button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="mt-4 space-y-4">
            {stored > 0 ? (
              <>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={choices.leaveOutSystem || systemLeftOut} disabled={systemLeftOut} onChange={(event) => setChoices({ ...choices, leaveOutSystem: event.currentTarget.checked })} />
                  Leave out system and developer messages
                </label>
                <div>
                  <label className="block text-sm">
                    Names and terms to replace, one a line
                    <textarea
                      value={choices.terms ?? ''}
                      rows={2}
                      onChange={(event) => setChoices({ ...choices, terms: event.currentTarget.value })}
                      aria-describedby={snapshotTerms ? termsNote : undefined}
                      className={field}
                      placeholder="Acme Corp"
                    />
                  </label>
                  {snapshotTerms ? (
                    <p id={termsNote} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                      The snapshot replaced {formatCount(snapshotTerms)} {snapshotTerms === 1 ? 'name or term' : 'names or terms'} of its own, which it does not record: type {snapshotTerms === 1 ? 'it' : 'them'} here to replace {snapshotTerms === 1 ? 'it' : 'them'} in this run too.
                    </p>
                  ) : null}
                </div>
                <ExpirySelect value={choices.expiry} onChange={(expiry) => setChoices({ ...choices, expiry })} />
              </>
            ) : null}
            {create.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{describeApiError(create.error).title}: {describeApiError(create.error).hint}</p> : null}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => ref.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700">
                Cancel
              </button>
              <button type="submit" disabled={create.isPending} className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
                {create.isPending ? 'Storing…' : stored > 0 ? 'Create link' : 'Show link'}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
