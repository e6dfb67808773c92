import { plural } from '../format.ts';

/**
 * A snapshot's failures when none show in it, because its rules hid them (a call's failure is in its output): "none
 * shown here; the original run had 2 failures, left out of this snapshot". Said by the page and by its downloads. A
 * download made with rules that left tool outputs out does not know the original run's failures: it says so.
 */
export function failuresNoneText(originalFailures: number | undefined, outputsLeftOutOfDownload = false): string {
  if (originalFailures) return `none shown here; the original run had ${plural(originalFailures, 'failure')}, left out of this snapshot`;
  return outputsLeftOutOfDownload ? 'none shown here; tool outputs, where failures show, were left out of this download' : 'none failed or incomplete';
}
