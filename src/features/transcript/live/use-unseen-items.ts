import { useState } from 'react';

/**
 * How many items arrived while the reader was away from the newest end. Seen means: the reader was at the
 * newest end when they arrived, or has been there since.
 */
export function useUnseenItems(arrived: number, atNewestEnd: boolean): { unseen: number; markSeen: () => void } {
  const [seen, setSeen] = useState(arrived);
  // Fewer than seen: the transcript started over.
  if ((atNewestEnd && seen !== arrived) || arrived < seen) setSeen(arrived);
  return { unseen: atNewestEnd ? 0 : Math.max(0, arrived - seen), markSeen: () => setSeen(arrived) };
}
