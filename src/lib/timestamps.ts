/** Anything below this is read as seconds: 10^11 seconds is the year 5138, 10^11 ms is 1973. */
const SECONDS_LIMIT = 1e11;

/** DashScope sends `created_at` in milliseconds and OpenAI in seconds; tell them apart by magnitude. */
export function toEpochMilliseconds(createdAt: unknown): number | null {
  const value = typeof createdAt === 'string' && createdAt.trim() !== '' ? Number(createdAt) : createdAt;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return value < SECONDS_LIMIT ? value * 1000 : value;
}
