import { toEpochMilliseconds } from '../../../lib/timestamps';
import { formatLocalTime } from '../../../shared/format';

/** created_at in the reader's local time ("2026-12-05 18:47 UTC+1"), with the ISO form for a tooltip. */
export function formatCreatedAt(createdAt: unknown): { local: string; iso: string } | null {
  const ms = toEpochMilliseconds(createdAt);
  if (ms === null) return null;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return { local: formatLocalTime(date), iso: date.toISOString() };
}
