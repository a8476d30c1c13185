import { describe, expect, it } from 'vitest';
import { formatLocalTimestamp, formatRecentTimestamp, formatTimestamp } from './timestamps';

// Midday UTC: the same calendar day in every time zone from UTC-11 to UTC+11.
const NOON = '2026-03-04T12:00:00.000Z';

describe('timestamps', () => {
  it('reads as day, short month, year and time', () => {
    expect(formatTimestamp(NOON)).toMatch(/^4 Mar 2026, \d\d:\d\d$/);
    expect(formatRecentTimestamp(NOON)).toMatch(/^4 Mar, \d\d:\d\d$/);
    expect(formatLocalTimestamp(NOON)).toMatch(/2026/);
  });

  it('shows an unreadable value as stored rather than "Invalid Date"', () => {
    expect(formatTimestamp('last Tuesday')).toBe('last Tuesday');
    expect(formatLocalTimestamp('')).toBe('');
  });
});
