/** Display helpers for dates and statuses in the series views. */
import { toUtcMs } from '../../../common/series/dates';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** 2026-03-04 → "4 Mar 2026" */
export function formatDate(date: string): string {
  return DAY.format(toUtcMs(date));
}

/** 2026-03 → "March 2026" */
export function formatMonth(month: string): string {
  return MONTH.format(toUtcMs(`${month}-01`));
}

/** 2026-03-04 → "Wednesday 4 March" */
export function formatLongDay(date: string): string {
  return WEEKDAY.format(toUtcMs(date));
}

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
