import { describe, expect, it } from 'vitest';
import { formatDate, formatLongDay, formatMonth, formatTimestamp } from './dates';

// Midday UTC: the same calendar day in every time zone from UTC-11 to UTC+11.
const NOON = '2026-03-04T12:00:00.000Z';

describe('dates', () => {
  it('reads a moment as day, short month, year and time', () => {
    expect(formatTimestamp(NOON)).toMatch(/^4 Mar 2026, \d\d:\d\d$/);
  });

  it('reads a calendar date the same way, without a time, whatever the time zone', () => {
    expect(formatDate('2026-03-04')).toBe('4 Mar 2026');
    expect(formatDate('2026-12-31')).toBe('31 Dec 2026');
    // A moment and a calendar date of the same day begin alike: one style everywhere.
    expect(formatTimestamp(NOON).startsWith(formatDate('2026-03-04'))).toBe(true);
  });

  it('names months and days for calendar headings', () => {
    expect(formatMonth('2026-03')).toBe('March 2026');
    expect(formatLongDay('2026-03-04')).toBe('Wednesday 4 March');
  });

  it('shows an unreadable value as stored rather than "Invalid Date" or an exception', () => {
    expect(formatTimestamp('last Tuesday')).toBe('last Tuesday');
    expect(formatTimestamp('')).toBe('');
    expect(formatDate('2026-02-30')).toBe('2026-02-30');
    expect(formatMonth('2026-13')).toBe('2026-13');
    expect(formatLongDay('soon')).toBe('soon');
  });
});
