import { useState } from 'react';

function read(key: string, fallback: boolean): boolean {
  try {
    const stored = window.localStorage.getItem(key);
    return stored === 'on' ? true : stored === 'off' ? false : fallback;
  } catch {
    return fallback;
  }
}

/**
 * An on/off choice of the reader's, remembered in this browser under `key` for every page that asks for it; `fallback`
 * until the reader makes it. `set` without remembering is for changes the page makes by itself.
 */
export function useRememberedSwitch(key: string, fallback: boolean): [on: boolean, choose: (on: boolean) => void, set: (on: boolean) => void] {
  const [on, setOn] = useState(() => read(key, fallback));
  const choose = (value: boolean) => {
    setOn(value);
    try {
      window.localStorage.setItem(key, value ? 'on' : 'off');
    } catch {
      // Storage blocked: the choice lasts until the page is left.
    }
  };
  return [on, choose, setOn];
}
