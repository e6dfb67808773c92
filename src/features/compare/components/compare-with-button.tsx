import { useState } from 'react';
import { useModalDialog } from '../../../lib/use-modal-dialog';
import type { SourceSummary } from '../../sources/api/get-sources';
import type { SideRef } from '../lib/compare-search';
import { CompareForm } from './compare-form';

interface CompareWithButtonProps {
  current: SideRef;
  sources: readonly SourceSummary[];
  defaultSource: string | null;
}

/** The transcript toolbar's "Compare with…": this run is A, the reader names B. */
export function CompareWithButton({ current, sources, defaultSource }: CompareWithButtonProps) {
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);
  return (
    <>
      <button
        aria-label="Compare with…"
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Compare<span className="max-sm:hidden"> with</span>…
      </button>
      <dialog
        ref={ref}
        onClose={() => setOpen(false)}
        aria-labelledby="compare-with-title"
        className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="compare-with-title" className="text-base font-semibold">
          Compare with another run
        </h2>
        <p className="mt-1 mb-3 text-sm text-zinc-600 dark:text-zinc-400">This run is A. Name run B: a retry, a fork, the same prompt on another model.</p>
        {/* Kept while the dialog is closed: what was typed is still there when it opens again, for this run. */}
        <CompareForm key={`${current.value} ${current.source ?? ''}`} sources={sources} defaultSource={current.source ?? defaultSource} fixedA={current} onCancel={() => ref.current?.close()} />
      </dialog>
    </>
  );
}
