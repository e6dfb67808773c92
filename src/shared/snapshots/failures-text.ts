import { plural } from '../format.ts';

/**
 * A snapshot's failures when none show in it, because its rules hid them (a call's failure is in its output): "none
 * shown here; the original run had 2 failures, left out of this snapshot". Said by the page and by its downloads.
 */
export function failuresNoneText(originalFailures: number | undefined): string {
  return originalFailures ? `none shown here; the original run had ${plural(originalFailures, 'failure')}, left out of this snapshot` : 'none failed or incomplete';
}
