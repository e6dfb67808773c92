import { createContext, useContext } from 'react';
import type { ContentCategory, ShareManifest } from '../../../shared/snapshots/share-filter';

/**
 * What the run on screen left out of its items, and by what: a snapshot (its page, or a file exported from it), or a
 * download made with rules. Null for everything else.
 */
export interface LeftOutOnScreen {
  by: 'snapshot' | 'download';
  content: readonly ContentCategory[];
  /** How many items' reasoning went; unknown for a download, whose rules took every item's. */
  reasoning?: number;
  /** The original run's failures, which outputs left out may hide; unknown for a download. */
  originalFailures?: number;
}

export const LeftOutContext = createContext<LeftOutOnScreen | null>(null);

/** A snapshot's manifest as the page reads it; null for snapshots stored before manifests. */
export function snapshotLeftOut(manifest: Pick<ShareManifest, 'rules' | 'left_out' | 'original'> | null): LeftOutOnScreen | null {
  return manifest ? { by: 'snapshot', content: manifest.rules.content, reasoning: manifest.left_out.reasoning, originalFailures: manifest.original.failures } : null;
}

/** Whether the run on screen left this content out, so an empty field says so instead of "not loaded". */
export function useLeftOut(category: ContentCategory): boolean {
  return useContext(LeftOutContext)?.content.includes(category) ?? false;
}

/** "Output left out of this snapshot." */
export function LeftOutNote({ what }: { what: string }) {
  const by = useContext(LeftOutContext)?.by ?? 'snapshot';
  return (
    <p data-left-out="" className="text-xs text-zinc-600 italic dark:text-zinc-400">
      {what} left out of this {by}.
    </p>
  );
}
