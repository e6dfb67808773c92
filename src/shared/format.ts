/**
 * Counts, times and ages as the viewer writes them (in English, as the rest of its text), without Intl: a page's first
 * Intl call (`toLocaleString`, `Intl.DateTimeFormat`, `localeCompare`) loads ICU's locale data, 30–80 ms on the page's
 * thread, just as a transcript opens.
 */

/** "50,000"; a fraction keeps up to three digits ("1,234.5"). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = (Math.round(value * 1000) / 1000).toString().split('.');
  if (whole === undefined || /e/i.test(whole)) return value.toString();
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** "1 token", "3,115 tokens": a count and its word, in the plural unless it is one. */
export const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

const two = (n: number) => String(n).padStart(2, '0');

/** The zone `date` is shown in (this machine's), as its offset from UTC: "UTC", "UTC+1", "UTC-3:30". */
function zoneOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const rest = Math.abs(minutes) % 60;
  return `UTC${minutes > 0 ? '+' : '-'}${Math.floor(Math.abs(minutes) / 60)}${rest ? `:${two(rest)}` : ''}`;
}

/** A moment in this machine's local time with its zone, as "2026-12-05 18:47 UTC+1": the same in every locale. */
export function formatLocalTime(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())} ${zoneOf(date)}`;
}

/** A moment in UTC, written as `formatLocalTime` writes it ("2025-11-30 07:00 UTC"): a file reads the same wherever it was made. */
export function formatUtcTime(date: Date): string {
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}

/** A moment as `formatLocalTime` writes it, in a sentence: split by it, the moments are at the odd places. */
export const LOCAL_TIME_IN_TEXT = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC(?:[+-]\d{1,2}(?::\d{2})?)?)/;

const AGES: readonly (readonly [unit: string, ms: number])[] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long before `now` a moment was: "just now", "5 minutes ago", "yesterday", "3 days ago" ("in 2 hours" ahead). */
export function formatAge(at: number, now: number): string {
  const elapsed = now - at;
  for (const [unit, size] of AGES) {
    const count = Math.round(Math.abs(elapsed) / size);
    if (Math.abs(elapsed) < size || count === 0) continue;
    if (unit === 'day' && count === 1) return elapsed > 0 ? 'yesterday' : 'tomorrow';
    const amount = `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
    return elapsed > 0 ? `${amount} ago` : `in ${amount}`;
  }
  return 'just now';
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Names in alphabetical order whatever their case ("get_weather" between "File search" and "Image generation"), then
 * by code point: the same on every machine, where `localeCompare` would load ICU's collation data.
 */
export const compareText = (a: string, b: string): number => byCodePoint(a.toLowerCase(), b.toLowerCase()) || byCodePoint(a, b);
