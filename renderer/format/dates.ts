/**
 * Every date and time the window shows, in one style: day, short month, year ("4 Mar 2026"), with
 * the time after a comma for moments ("4 Mar 2026, 10:05"). Drafts, revisions, backups, series,
 * planning and comments all format through here, so one date never reads two ways.
 *
 * Moments (stored ISO timestamps) show in the user's local time; calendar dates (YYYY-MM-DD, such as
 * a planned date) are read in UTC so they never shift a day with the time zone.
 *
 * The formatters are built once, each on its first use: `Date.toLocaleString` with options builds a
 * new Intl formatter on every call (about half a millisecond each in Chromium, which made a 100-row
 * comment page take 60 ms to render), and building one costs milliseconds of locale data that a
 * window opening on one area should not pay for the others.
 */
import { toUtcMs, isCalendarDate } from '../../common/series/dates';

const LOCALE = 'en-GB';
const formatter = (options: Intl.DateTimeFormatOptions) => {
  let built: Intl.DateTimeFormat | null = null;
  return () => (built ??= new Intl.DateTimeFormat(LOCALE, options));
};
const MOMENT = formatter({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DAY = formatter({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH = formatter({ month: 'long', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = formatter({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** A stored timestamp → "4 Mar 2026, 10:05" (local time); an unreadable value is shown as stored. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : MOMENT().format(d);
}

/** A calendar date, 2026-03-04 → "4 Mar 2026"; an unreadable value is shown as stored. */
export function formatDate(date: string): string {
  return isCalendarDate(date) ? DAY().format(toUtcMs(date)) : date;
}

/** A month, 2026-03 → "March 2026" (calendar headings). */
export function formatMonth(month: string): string {
  return isCalendarDate(`${month}-01`) ? MONTH().format(toUtcMs(`${month}-01`)) : month;
}

/** 2026-03-04 → "Wednesday 4 March" (a day in a calendar, whose heading names the year). */
export function formatLongDay(date: string): string {
  return isCalendarDate(date) ? WEEKDAY().format(toUtcMs(date)) : date;
}
