import { createContext, useContext } from 'react';
import type { ContentCategory, ShareManifest } from '../../../shared/snapshots/share-filter';

/** The manifest of the snapshot on screen: what it left out and the run as it was. Null for everything else. */
export const ManifestContext = createContext<ShareManifest | null>(null);

/** Whether the snapshot on screen left this content out, so an empty field says so instead of "not loaded". */
export function useLeftOut(category: ContentCategory): boolean {
  return useContext(ManifestContext)?.rules.content.includes(category) ?? false;
}

/** "Output left out of this snapshot." */
export function LeftOutNote({ what }: { what: string }) {
  return (
    <p data-left-out="" className="text-xs text-zinc-600 italic dark:text-zinc-400">
      {what} left out of this snapshot.
    </p>
  );
}
