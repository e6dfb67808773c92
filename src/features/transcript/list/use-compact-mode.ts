import { useRememberedSwitch } from '../../../lib/use-remembered-switch';

/** Compact or full view, remembered in this browser for every transcript. */
export function useCompactMode(): [boolean, (compact: boolean) => void] {
  const [compact, choose] = useRememberedSwitch('conversation-viewer:compact', false);
  return [compact, choose];
}
