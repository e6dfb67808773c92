import { useState } from 'react';

const KEY = 'conversation-viewer:compact';

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Compact or full view, remembered in this browser for every transcript. */
export function useCompactMode(): [boolean, (compact: boolean) => void] {
  const [compact, setCompact] = useState(read);
  const change = (value: boolean) => {
    setCompact(value);
    try {
      window.localStorage.setItem(KEY, value ? 'on' : 'off');
    } catch {
      // Storage blocked: the choice lasts until the page is left.
    }
  };
  return [compact, change];
}
