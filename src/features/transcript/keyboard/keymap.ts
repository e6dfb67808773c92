export type ShortcutAction = 'next-item' | 'previous-item' | 'focus-search' | 'find' | 'toggle-item' | 'copy-link' | 'show-help';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field, select or editable region: the reader is typing. */
  typing: boolean;
  /** Focus is in the transcript's own search field. */
  inSearch: boolean;
  /** Focus is on an item row itself (not a button or link inside it). */
  onRow: boolean;
}

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'j / k', what: 'Next / previous item' },
  { keys: 'Enter', what: 'Collapse or expand the focused item' },
  { keys: 'c', what: 'Copy a link to the focused item' },
  { keys: '/', what: 'Search the transcript' },
  { keys: 'Ctrl+F / ⌘F', what: 'Search the transcript (press again for the browser’s find)' },
  { keys: 'Enter / Shift+Enter', what: 'Next / previous match, in the search field' },
  { keys: 'Esc', what: 'Clear the search' },
  { keys: '?', what: 'Show these shortcuts' },
];

/** Which transcript shortcut a key press means, or null to leave it to the browser. */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  const { key, ctrlKey, metaKey, altKey, typing, inSearch, onRow } = input;
  if ((ctrlKey || metaKey) && !altKey && key.toLowerCase() === 'f') return inSearch ? null : 'find';
  if (typing || ctrlKey || metaKey || altKey) return null;
  switch (key) {
    case 'j':
      return 'next-item';
    case 'k':
      return 'previous-item';
    case '/':
      return 'focus-search';
    case '?':
      return 'show-help';
    case 'c':
      return onRow ? 'copy-link' : null;
    case 'Enter':
      return onRow ? 'toggle-item' : null;
    default:
      return null;
  }
}
