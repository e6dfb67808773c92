import { lazy, Suspense, useState } from 'react';
import { useModalDialog } from '../../../lib/use-modal-dialog';
import type { SourceSummary } from '../../sources/api/get-sources';
import type { SideRef } from '../lib/compare-search';

/** The dialog's contents load with the first "Compare with…" (or a pointer or the focus on it), not with the transcript's first rows. */
const loadContents = () => import('./compare-with-contents');
const CompareWithContents = lazy(() => loadContents().then((module) => ({ default: module.CompareWithContents })));

interface CompareWithButtonProps {
  current: SideRef;
  sources: readonly SourceSummary[];
  defaultSource: string | null;
}

/** The transcript toolbar's "Compare with…": this run is A, the reader names B. */
export function CompareWithButton({ current, sources, defaultSource }: CompareWithButtonProps) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  const ref = useModalDialog(open);
  return (
    <>
      <button
        aria-label="Compare with…"
        type="button"
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
        onPointerEnter={() => void loadContents()}
        onFocus={() => void loadContents()}
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
        {/* Kept once asked for, while the dialog is closed too: what was typed is still there when it opens again, for
            this run. */}
        <Suspense fallback={<div aria-busy="true" className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />}>
          {asked ? <CompareWithContents current={current} sources={sources} defaultSource={defaultSource} onCancel={() => ref.current?.close()} /> : null}
        </Suspense>
      </dialog>
    </>
  );
}
