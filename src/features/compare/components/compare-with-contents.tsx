import type { SourceSummary } from '../../sources/api/get-sources';
import type { SideRef } from '../lib/compare-search';
import { CompareForm } from './compare-form';

interface CompareWithContentsProps {
  current: SideRef;
  sources: readonly SourceSummary[];
  defaultSource: string | null;
  onCancel: () => void;
}

/** What "Compare with…" asks: this run is A, the reader names B. Its field takes the focus as it mounts. */
export function CompareWithContents({ current, sources, defaultSource, onCancel }: CompareWithContentsProps) {
  return (
    <>
      <h2 id="compare-with-title" className="text-base font-semibold">
        Compare with another run
      </h2>
      <p className="mt-1 mb-3 text-sm text-zinc-600 dark:text-zinc-400">This run is A. Name run B: a retry, a fork, the same prompt on another model.</p>
      <CompareForm key={`${current.value} ${current.source ?? ''}`} sources={sources} defaultSource={current.source ?? defaultSource} fixedA={current} initial={{}} onCancel={onCancel} />
    </>
  );
}
