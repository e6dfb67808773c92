import { toEpochMilliseconds } from '../../../lib/timestamps';

const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** created_at as the reader's local date and time, with the ISO form for a tooltip. */
export function formatCreatedAt(createdAt: unknown): { local: string; iso: string } | null {
  const ms = toEpochMilliseconds(createdAt);
  if (ms === null) return null;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return { local: FORMAT.format(date), iso: date.toISOString() };
}
