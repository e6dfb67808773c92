export type ShortcutAction = 'next-item' | 'previous-item' | 'first-item' | 'last-item' | 'focus-search' | 'find' | 'toggle-item' | 'copy-link' | 'show-help';

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
  /** Focus is on nothing in particular (the page itself), where the page's own Home and End would scroll. */
  onPage?: boolean;
}

/** Which transcript shortcut a key press means, or null to leave it to the browser. */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  const { key, ctrlKey, metaKey, altKey, typing, inSearch, onRow, onPage = false } = input;
  if ((ctrlKey || metaKey) && !altKey && key.toLowerCase() === 'f') return inSearch ? null : 'find';
  if (typing || ctrlKey || metaKey || altKey) return null;
  switch (key) {
    case 'j':
      return 'next-item';
    case 'k':
      return 'previous-item';
    // The list's own ends: the page's would stop short of them, since rows far off are only estimated until they render.
    // Only from the page or a row: a control that takes them (a toolbar's arrow keys, a code block) keeps them.
    case 'Home':
      return onRow || onPage ? 'first-item' : null;
    case 'End':
      return onRow || onPage ? 'last-item' : null;
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
