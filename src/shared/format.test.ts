import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareText, formatAge, formatCount, formatLocalTime, formatUtcTime, LOCAL_TIME_IN_TEXT, plural } from './format.ts';

afterEach(() => vi.unstubAllEnvs());

describe('formatCount', () => {
  it('groups thousands as the rest of the page’s English does', () => {
    expect([0, 7, 999, 1000, 50_000, 1_234_567, -12_345].map(formatCount)).toEqual(['0', '7', '999', '1,000', '50,000', '1,234,567', '-12,345']);
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(0.1234)).toBe('0.123');
    expect(formatCount(1e21)).toBe('1e+21');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
  it('reads as Intl’s English would for every whole number it is given', () => {
    for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 12345678, 2 ** 31, Number.MAX_SAFE_INTEGER]) expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});

describe('plural', () => {
  it('writes one in the singular, every other count in the plural', () => {
    expect(plural(1, 'token')).toBe('1 token');
    expect(plural(0, 'token')).toBe('0 tokens');
    expect(plural(3115, 'token')).toBe('3,115 tokens');
  });
});

describe('formatUtcTime', () => {
  it('writes a moment as formatLocalTime does, in UTC whatever the machine’s zone', () => {
    vi.stubEnv('TZ', 'Pacific/Kiritimati');
    expect(formatUtcTime(new Date(Date.UTC(2025, 10, 30, 7, 0, 59)))).toBe('2025-11-30 07:00 UTC');
    expect(formatUtcTime(new Date(Date.UTC(2025, 10, 30, 7, 0, 59)))).toMatch(LOCAL_TIME_IN_TEXT);
  });
});

describe('formatLocalTime', () => {
  const at = new Date(Date.UTC(2026, 11, 5, 17, 47, 30));
  it('shows this machine’s local date and time with its zone', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatLocalTime(at)).toBe('2026-12-05 17:47 UTC');
    vi.stubEnv('TZ', 'Europe/Berlin');
    expect(formatLocalTime(at)).toBe('2026-12-05 18:47 UTC+1');
    vi.stubEnv('TZ', 'Asia/Kolkata');
    expect(formatLocalTime(at)).toBe('2026-12-05 23:17 UTC+5:30');
    vi.stubEnv('TZ', 'America/St_Johns');
    expect(formatLocalTime(at)).toBe('2026-12-05 14:17 UTC-3:30');
    // The date moves with the time.
    vi.stubEnv('TZ', 'Pacific/Kiritimati');
    expect(formatLocalTime(at)).toBe('2026-12-06 07:47 UTC+14');
  });

  it('is found whole in a sentence, in every zone, so a page can keep it on one line', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns']) {
      vi.stubEnv('TZ', zone);
      const moment = formatLocalTime(at);
      expect(`Taken back on ${moment}, and deleted.`.split(LOCAL_TIME_IN_TEXT)).toEqual(['Taken back on ', moment, ', and deleted.']);
    }
  });
});

describe('formatAge', () => {
  const now = Date.UTC(2026, 11, 5, 12);
  it.each([
    [10_000, 'just now'],
    [60_000, '1 minute ago'],
    [5 * 60_000, '5 minutes ago'],
    [3_600_000, '1 hour ago'],
    [5 * 3_600_000, '5 hours ago'],
    [86_400_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
    [1200 * 86_400_000, '1,200 days ago'],
    [-2 * 3_600_000, 'in 2 hours'],
    [-86_400_000, 'tomorrow'],
  ])('%i ms before now reads "%s"', (before, text) => {
    expect(formatAge(now - before, now)).toBe(text);
  });
});

describe('compareText', () => {
  it('orders names alphabetically whatever their case, the same on every machine', () => {
    expect(['Image generation', 'get_weather', 'File search', 'apply_patch'].sort(compareText)).toEqual(['apply_patch', 'File search', 'get_weather', 'Image generation']);
    expect(['b', 'B', 'a', 'A'].sort(compareText)).toEqual(['A', 'a', 'B', 'b']);
    expect(compareText('x', 'x')).toBe(0);
  });
});
