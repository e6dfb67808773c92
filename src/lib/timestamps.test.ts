import { describe, expect, it } from 'vitest';
import { toEpochMilliseconds } from './timestamps';

describe('toEpochMilliseconds', () => {
  it('reads OpenAI seconds as seconds', () => {
    expect(toEpochMilliseconds(1_700_000_000)).toBe(1_700_000_000_000);
    expect(toEpochMilliseconds(1_700_000_000.5)).toBe(1_700_000_000_500);
  });

  it('keeps DashScope milliseconds as they are', () => {
    expect(toEpochMilliseconds(1_700_000_000_123)).toBe(1_700_000_000_123);
  });

  it('reads numeric strings', () => {
    expect(toEpochMilliseconds('1700000000')).toBe(1_700_000_000_000);
    expect(toEpochMilliseconds(' 1700000000123 ')).toBe(1_700_000_000_123);
  });

  it.each([null, undefined, '', '   ', 'yesterday', '2024-01-01', 0, -5, Number.NaN, Number.POSITIVE_INFINITY, {}, true])('rejects %j', (value) => {
    expect(toEpochMilliseconds(value)).toBeNull();
  });
});
